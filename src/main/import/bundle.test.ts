/**
 * The shipped CLI and browser-mode server are esbuild bundles: the import worker must be
 * bundled beside them (import-worker.mjs), start from there, and keep hostile files from
 * taking the CLI down. Builds the real bundle once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseWorker } from './runner';
import { makeDocx, wParagraph } from './test-fixtures';

const ROOT = resolve(__dirname, '../../..');
mkdirSync(join(ROOT, 'out'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'out', 'import-bundle-test-'));
const PARA = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。';

beforeAll(() => {
  const build = spawnSync(process.execPath, ['--input-type=module', '-e', `import('${join(ROOT, 'scripts', 'lib', 'build.mjs')}').then((m) => m.bundleNode(${JSON.stringify(join(dir, 'node'))}))`], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled import worker', () => {
  it('is bundled beside the CLI and parses in its own thread', async () => {
    const script = join(dir, 'node', 'import-worker.mjs');
    expect(existsSync(script)).toBe(true);
    const w = new ParseWorker(script);
    try {
      const r = await w.parse('docx', await makeDocx(wParagraph(PARA)), undefined, 1000);
      expect(r.text).toBe(`\n\n${PARA}`);
    } finally {
      await w.close();
    }
  }, 60_000);

  it('the CLI refuses a 99 MB-of-paragraphs docx and a named pipe with codes, and analyses the rest', async () => {
    const src = join(dir, 'hostile');
    mkdirSync(src);
    const para = wParagraph(PARA);
    writeFileSync(join(src, 'bomb.docx'), await makeDocx(para.repeat(Math.floor((99 * 1024 * 1024) / Buffer.byteLength(para)))));
    writeFileSync(join(src, 'good.txt'), `\n\n${PARA}\n`);
    writeFileSync(join(src, 'lt.html'), '<'.repeat(2 * 1024 * 1024) + '<p>正文增长5%。</p>');
    const pipe = join(src, 'pipe.txt');
    if (process.platform !== 'win32') execFileSync('mkfifo', [pipe]);
    const out = join(dir, 'out.jsonl');
    const paths = process.platform !== 'win32' ? [src, pipe] : [src];
    const run = spawnSync(process.execPath, [join(dir, 'node', 'cli.mjs'), 'analyze', ...paths, '--out', out], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
    expect(run.signal).toBeNull();
    expect(run.status, run.stderr).toBe(1); // some files failed
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { path: string; error?: { code: string }; figures?: unknown[] });
    const byName = new Map(lines.map((l) => [l.path.split(/[\\/]/).pop(), l]));
    expect(byName.get('bomb.docx')?.error?.code).toBe('too-large');
    expect(byName.get('good.txt')?.figures?.length).toBeGreaterThan(0);
    expect(byName.get('lt.html')?.error).toBeUndefined();
    if (process.platform !== 'win32') expect(byName.get('pipe.txt')?.error?.code).toBe('not-regular-file');
  }, 180_000);
});
