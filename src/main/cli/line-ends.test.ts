/**
 * [import-s6] Text files with CRLF or lone CR line ends (Windows, old Mac, GBK reports saved by
 * Notepad) in UTF-8, UTF-16 and GBK: the importer reads every line end as LF and says so in a
 * `line-ends-normalised` warning; the text the app stores and shows, the CLI's figure offsets and
 * the exported offsets are all offsets into that one text, so a figure found in a CRLF file sits
 * at the same characters as in the same report with LF line ends.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Figure } from '../../core/schema';
import { SAMPLES, ok, settled, testBackends } from '../service/test-backends';
import { runCli } from './index';
import type { CliIO } from './io';

const { backend, closeAll } = testBackends({ version: '0.0.0' });
afterEach(closeAll);

const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
const quiet = (): CliIO & { stderr: string } => {
  const io = { stderr: '', errIsTTY: false, out: () => {}, err: (s: string) => void (io.stderr += s) };
  return io;
};

/** A real sample report's first paragraphs (LF line ends, the corpus shape), plus figures near line ends. */
const LF = (() => {
  const t = readFileSync(join(SAMPLES, 'jiangxian-county-2024.txt'), 'utf8');
  const cut = t.indexOf('\n', 4000);
  return t.slice(0, cut) + '\n\n全年召开常委会会议12次。\n实现地区生产总值3400余万元\n\n增长6.5%。\n';
})();
const LINE_ENDS = (LF.match(/\n/g) ?? []).length;

type Line = { path: string; length: number; encoding: string; warnings?: { code: string; params: Record<string, number> }[]; figures: Figure[] };

async function analyze(dir: string): Promise<Map<string, Line>> {
  const out = join(tmp('ra-le-out-'), 'out.jsonl');
  expect(await runCli(['analyze', dir, '--out', out], quiet())).toBe(0);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  return new Map(lines.map((l) => [basename(l.path), l]));
}

const cpSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');
const spans = (figures: readonly Figure[]): string[] => figures.map((f) => `${f.start}-${f.end} ${f.text} ${f.value}`);

function writeVariants(dir: string): void {
  writeFileSync(join(dir, 'a-lf-utf8.txt'), LF);
  // the real-world shape: a GBK report saved on Windows
  writeFileSync(join(dir, 'b-crlf-gbk.txt'), iconv.encode(LF.replace(/\n/g, '\r\n'), 'gbk'));
  writeFileSync(join(dir, 'c-crlf-utf8.txt'), LF.replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'd-cr-utf16le.txt'), iconv.encode(LF.replace(/\n/g, '\r'), 'utf-16le', { addBOM: true }));
  writeFileSync(join(dir, 'e-crlf-utf16be.txt'), iconv.encode(LF.replace(/\n/g, '\r\n'), 'utf-16be', { addBOM: true }));
}

describe('CRLF and CR text files: one text, one set of offsets', () => {
  it('the CLI finds every figure at the same characters as in the LF file, and says the line ends were read as LF', async () => {
    const dir = tmp('ra-le-');
    writeVariants(dir);
    const cli = await analyze(dir);
    const ref = cli.get('a-lf-utf8.txt')!;
    expect(ref.warnings).toBeUndefined();
    expect(ref.length).toBe([...LF].length);
    expect(ref.figures.length).toBeGreaterThan(20);
    for (const f of ref.figures) expect(cpSlice(LF, f.start, f.end)).toBe(f.text);
    const expected: Record<string, [string, { crlf: number; cr: number; separators: number }]> = {
      'b-crlf-gbk.txt': ['gb18030', { crlf: LINE_ENDS, cr: 0, separators: 0 }],
      'c-crlf-utf8.txt': ['utf-8', { crlf: LINE_ENDS, cr: 0, separators: 0 }],
      'd-cr-utf16le.txt': ['utf-16le', { crlf: 0, cr: LINE_ENDS, separators: 0 }],
      'e-crlf-utf16be.txt': ['utf-16be', { crlf: LINE_ENDS, cr: 0, separators: 0 }],
    };
    for (const [name, [encoding, counts]] of Object.entries(expected)) {
      const l = cli.get(name)!;
      expect(l.encoding, name).toBe(encoding);
      expect(l.length, name).toBe(ref.length);
      expect(spans(l.figures), name).toEqual(spans(ref.figures));
      expect(l.warnings, name).toEqual([{ code: 'line-ends-normalised', params: counts }]);
    }
  });

  it('the app stores and shows the same text and offsets, lists the warning for Open folder, and exports the same offsets', async () => {
    const dir = tmp('ra-le-ws-');
    writeVariants(dir);
    const cli = await analyze(dir);
    // a new user: Open folder on a folder of reports
    const b = backend(tmp('ra-le-ud-'));
    await settled(b, 'workspaceGet', {});
    const ws = await ok(b, 'workspaceOpen', { dir });
    expect(ws.documents).toHaveLength(5);
    for (const meta of ws.documents) {
      const view = await ok(b, 'documentGet', { id: meta.id });
      expect(view.text, meta.name).toBe(LF);
      const shown = view.findings.filter((f) => f.type === 'figure').map((f) => f.data as Figure).sort((x, y) => x.start - y.start || x.end - y.end);
      const printed = [...cli.get(meta.name)!.figures].sort((x, y) => x.start - y.start || x.end - y.end);
      expect(spans(shown), meta.name).toEqual(spans(printed));
    }
    // the folder's summary has each CRLF/CR file's warning (import-warning notices, see importing.ts)
    const warned = ws.notices.filter((n) => n.code === 'import-warning');
    expect(warned.map((n) => basename(String(n.params?.path))).sort()).toEqual(['b-crlf-gbk.txt', 'c-crlf-utf8.txt', 'd-cr-utf16le.txt', 'e-crlf-utf16be.txt']);
    expect(warned.every((n) => n.params?.importWarning === 'line-ends-normalised')).toBe(true);
    await b.close();
    // the dataset: every exported figure's offsets are the CLI's, and slice its quote out of the exported text
    const out = join(tmp('ra-le-x-'), 'd.jsonl');
    expect(await runCli(['export', '--workspace', dir, '--format', 'jsonl', '--out', out, '--filter', 'all'], quiet())).toBe(0);
    const docs = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { record: string; name?: string; text: string; findings: { type: string; start: number; end: number; quote: string }[] }).filter((r) => r.record === 'document');
    expect(docs).toHaveLength(5);
    const refSpans = new Set(cli.get('a-lf-utf8.txt')!.figures.map((f) => `${f.start}-${f.end}`));
    for (const d of docs) {
      expect(d.text).toBe(LF);
      const figs = d.findings.filter((f) => f.type === 'figure');
      expect(figs.length).toBeGreaterThan(0);
      for (const f of figs) {
        expect(cpSlice(d.text, f.start, f.end)).toBe(f.quote);
        expect(refSpans.has(`${f.start}-${f.end}`)).toBe(true);
      }
    }
  });

  it('CLI import and analyze --format csv print the warning on stderr, in English with its counts', async () => {
    const dir = tmp('ra-le-err-');
    writeFileSync(join(dir, 'gbk-crlf.txt'), iconv.encode(LF.replace(/\n/g, '\r\n'), 'gbk'));
    const imp = quiet();
    expect(await runCli(['import', dir, '--workspace', dir], imp)).toBe(0);
    expect(imp.stderr).toContain(`${join(dir, 'gbk-crlf.txt')}: warning: Line ends read as LF (${LINE_ENDS} CRLF); offsets count each line end as one character.\n`);
    const csv = quiet();
    expect(await runCli(['analyze', join(dir, 'gbk-crlf.txt'), '--format', 'csv', '--out', join(dir, 'a.csv')], csv)).toBe(0);
    expect(csv.stderr).toMatch(/gbk-crlf\.txt: warning: Line ends read as LF \(\d+ CRLF\)/);
  });
});
