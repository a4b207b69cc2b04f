import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { HELP, runCli } from './index';
import type { CliIO } from './io';

const CORPUS = resolve(__dirname, '../../../resources/samples');

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', errIsTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

describe('report-annotator CLI', () => {
  it('prints help listing its commands', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout).toBe(HELP);
    expect(HELP).toMatch(/analyze/);
    expect(HELP).toMatch(/import/);
  });

  it('refuses an unknown command with usage and exit code 2', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('analyzes files in several encodings into one JSONL line each, with code point offsets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-cli-'));
    const text = '\n\n召开常委会会议9次，筹集资金3400余万元。\n';
    writeFileSync(join(dir, 'a-utf8.txt'), text);
    writeFileSync(join(dir, 'b-gbk.txt'), iconv.encode(text, 'gbk'));
    writeFileSync(join(dir, 'c-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
    writeFileSync(join(dir, 'd-empty.txt'), '');
    const out = join(dir, 'out.jsonl');
    const io = capture();
    const code = await runCli(['analyze', dir, '--out', out], io);
    expect(code).toBe(1); // one file failed, the run went on
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const failed = lines.find((l) => l.error);
    expect(failed).toMatchObject({ error: { code: 'file-empty' } });
    for (const l of lines.filter((x) => !x.error)) {
      expect(l.length).toBe([...text].length);
      const money = l.figures.find((f: { kind: string }) => f.kind === 'money');
      expect(money).toMatchObject({ text: '3400余万元', value: 34000000, unit: '元', approx: 'more' });
      expect([...text].slice(money.start, money.end).join('')).toBe('3400余万元');
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(lines.map((l) => l.encoding ?? null).filter(Boolean).join(' ')).toMatch(/gb/i);
    expect(io.stderr).toMatch(/analysed 3\/3/);
  });

  it('writes CSV with a BOM so Excel reads Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-cli-'));
    const out = join(dir, 'out.csv');
    const io = capture();
    expect(await runCli(['analyze', join(CORPUS, 'taiyuan-city-2024.txt'), '--format', 'csv', '--out', out], io)).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\ufeffpath,type,kind,start,end,text')).toBe(true);
    expect(csv).toMatch(/figure,count,\d+,\d+,9次,9,,次,,召开常委会会议/);
  });
});

describe('import then export through the CLI', () => {
  it('imports a folder into a workspace and exports a JSONL dataset whose offsets check against the quotes', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'ra-cli-ws-'));
    const io = capture();
    expect(await runCli(['import', join(CORPUS, 'changzhi-city-2024.txt'), join(CORPUS, 'taiyuan-city-2024.txt'), '--workspace', ws], io)).toBe(0);
    expect(io.stdout).toMatch(/imported 2, failed 0/);
    const out = join(ws, 'dataset.jsonl');
    const io2 = capture();
    expect(await runCli(['export', '--workspace', ws, '--format', 'jsonl', '--out', out, '--filter', 'all'], io2)).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].record).toBe('workspace');
    const docs = lines.filter((l) => l.record === 'document');
    expect(docs.length).toBe(2);
    let checked = 0;
    for (const d of docs) {
      const text: string = d.text;
      const cps = [...text];
      for (const f of d.findings) {
        expect(cps.slice(f.start, f.end).join('')).toBe(f.quote);
        expect(text.slice(f.start_utf16, f.end_utf16)).toBe(f.quote);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('help text', () => {
  it('names every export format the exporter supports', async () => {
    const { EXPORT_FORMATS } = await import('../export');
    for (const f of EXPORT_FORMATS) expect(HELP).toContain(f);
  });
});

// warn-s7: a mistyped --workspace must not silently start a new, empty workspace
describe('import --workspace of a folder that does not exist', () => {
  const report = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-cli-src-'));
    writeFileSync(join(dir, 'r.txt'), '全市地区生产总值增长5.2%。\n');
    return join(dir, 'r.txt');
  };
  it('is refused with a clear error, exit code 2, and nothing is created', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ra-cli-nows-')), 'typo', 'ws');
    const io = capture();
    expect(await runCli(['import', report(), '--workspace', missing], io)).toBe(2);
    expect(io.stderr).toContain('workspace-not-found');
    expect(io.stderr).toContain(missing);
    expect(io.stderr).toContain('--create');
    expect(existsSync(join(missing, '..'))).toBe(false);
  });
  it('--create makes the folder (and its parents) and imports into it', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'ra-cli-nows-')), 'new', 'ws');
    const io = capture();
    expect(await runCli(['import', report(), '--workspace', missing, '--create'], io)).toBe(0);
    expect(io.stdout).toMatch(/imported 1, failed 0/);
    expect(existsSync(join(missing, '.report-annotator', 'workspace.json'))).toBe(true);
  });
  it('a file given as the workspace is not-a-folder, even with --create', async () => {
    const file = report();
    const io = capture();
    expect(await runCli(['import', file, '--workspace', file, '--create'], io)).toBe(2);
    expect(io.stderr).toContain('not-a-folder');
  });
  it('the help names --create', () => {
    expect(HELP).toMatch(/--workspace DIR \[--create\]/);
  });
});
