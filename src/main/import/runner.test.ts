/**
 * The import worker: files are parsed off this thread under a heap limit and a time budget; a
 * file over budget is refused with a code, the worker is replaced and the next file goes on.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from './index';
import { ParseWorker, importWorkerScript, sharedParseWorker, timeBudgetMs } from './runner';
import { TempDir, makeDocx, rejectionOf, wParagraph } from './test-fixtures';

const PARA = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。';

describe('import worker', () => {
  const dir = new TempDir();
  const workers: ParseWorker[] = [];
  const make = (limits: ConstructorParameters<typeof ParseWorker>[1]): ParseWorker => {
    const w = new ParseWorker(importWorkerScript(), limits);
    workers.push(w);
    return w;
  };
  afterAll(async () => {
    for (const w of workers) await w.close();
    dir.remove();
  });
  /** ~6 MB of paragraph XML: seconds of conversion, ~300 MB of heap */
  const heavy = async (): Promise<string> => {
    const para = wParagraph(PARA);
    return dir.file(`heavy-${Math.random()}.docx`, await makeDocx(para.repeat(Math.floor((6 * 1024 * 1024) / Buffer.byteLength(para)))));
  };
  const small = (): string => dir.file(`small-${Math.random()}.txt`, '各位代表：现在向大会报告工作。');

  it('runs in a worker thread when running from sources too', () => {
    expect(importWorkerScript()).not.toBeNull();
    expect(sharedParseWorker().inProcess).toBe(false);
  });

  it('budgets 15 s + 1.5 s per MB of parsing by default (the whole import within 20 s + 2 s/MB)', () => {
    expect(timeBudgetMs(0)).toBe(15_000);
    expect(timeBudgetMs(4 * 1024 * 1024)).toBe(21_000);
  });

  it('refuses a file over its time budget with timeout, replaces the worker, and reads the next file', async () => {
    const w = make({ baseMs: 300, perMbMs: 0 }); // 6 MB of paragraph XML takes mammoth seconds, far over 0.3 s
    const path = await heavy();
    const r = await rejectionOf(importFile(path, { worker: w }));
    expect(r.code).toBe('timeout');
    expect(w.replaced).toBe(1);
    expect((await importFile(small(), { worker: w })).text).toBe('各位代表：现在向大会报告工作。');
  }, 60_000);

  it('refuses a file that exhausts the worker heap as too-large, and reads the next file', async () => {
    const w = make({ heapMb: 48 });
    const r = await rejectionOf(importFile(await heavy(), { worker: w }));
    expect(r.code).toBe('too-large');
    expect((await importFile(small(), { worker: w })).text).toContain('各位代表');
  }, 60_000);

  it('keeps this thread answering while a heavy file is parsed', async () => {
    const w = make({ baseMs: 110_000 });
    const path = await heavy();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = performance.now();
    const r = await importFile(path, { worker: w });
    const ms = performance.now() - t0;
    clearInterval(timer);
    expect(r.text).toContain('一年来');
    // in this thread the conversion would have blocked every tick until it finished
    expect(ticks).toBeGreaterThan(Math.min(5, ms / 200));
  }, 120_000);

  it('stops the worker right after a file over 4 MB (its heap given back before the analysis) and reads the next file with a new one', async () => {
    const w = make({});
    expect((await importFile(small(), { worker: w })).text).toBe('各位代表：现在向大会报告工作。');
    expect(w.retired).toBe(0); // a small file: the worker is kept, warm
    const copies = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(`${PARA}\n\n`));
    const r = await importFile(dir.file('big.txt', `${PARA}\n\n`.repeat(copies)), { worker: w });
    expect(r.text.split(PARA).length - 1).toBe(copies);
    expect(w.retired).toBe(1);
    expect((await importFile(small(), { worker: w })).text).toBe('各位代表：现在向大会报告工作。');
    expect(w.retired).toBe(1);
  }, 60_000);

  it('passes codes through from the worker (an empty file, a broken docx)', async () => {
    const w = make({});
    expect((await rejectionOf(importFile(dir.file('broken.docx', 'not a zip at all'), { worker: w }))).code).toBe('corrupt-docx');
    expect((await rejectionOf(importFile(dir.file('blank.html', '<p> </p>'), { worker: w }))).code).toBe('file-empty');
  });
});
