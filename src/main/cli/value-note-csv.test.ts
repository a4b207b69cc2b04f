/**
 * [import-s6] A figure whose value the detectors leave null carries why (`note {code, params}`):
 * the CLI's `analyze --format csv` has the same `value_note` column as the app's facts.csv and
 * XLSX (`code k=v`), and the CLI's `export` CSV/XLSX carry it for the same figures as its JSONL.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli } from './index';
import type { CliIO } from './io';

const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
const quiet = (): CliIO => ({ errIsTTY: false, out: () => {}, err: () => {} });

// a Minguo year (never read as Gregorian) and two certain figures
const REPORT = '\n\n民國108年，本會召開會議9次，通過議案1 600件。\n\n中華民國112年度預算增長6.5%。\n';

type Row = Record<string, string>;
const parseCsv = (file: string): Row[] => {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const r = Papa.parse<Row>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
};

describe('value_note in the CLI’s CSV and XLSX', () => {
  it('analyze --format csv: value_note as in the app’s facts.csv, for the figures whose JSONL has a note', async () => {
    const dir = tmp('ra-vn-');
    writeFileSync(join(dir, 'minguo.txt'), REPORT);
    expect(await runCli(['analyze', dir, '--out', join(dir, 'a.jsonl')], quiet())).toBe(0);
    const line = JSON.parse(readFileSync(join(dir, 'a.jsonl'), 'utf8')) as { figures: { text: string; value: number | null; note?: { code: string; params?: Record<string, unknown> } }[] };
    const noted = line.figures.filter((f) => f.note);
    expect(noted.length).toBeGreaterThan(0);
    expect(await runCli(['analyze', dir, '--format', 'csv', '--out', join(dir, 'a.csv')], quiet())).toBe(0);
    const rows = parseCsv(join(dir, 'a.csv'));
    expect(Object.keys(rows[0])).toContain('value_note');
    const figures = rows.filter((r) => r.type === 'figure');
    expect(figures.map((r) => r.text)).toEqual(line.figures.map((f) => f.text));
    for (const [i, f] of line.figures.entries()) {
      const expected = f.note && f.value === null ? [f.note.code, ...Object.entries(f.note.params ?? {}).map(([k, v]) => `${k}=${String(v)}`)].join(' ') : '';
      expect(figures[i].value_note, f.text).toBe(expected);
    }
    expect(figures.find((r) => r.text === '民國108年')?.value_note).toBe('minguo-year year=108');
    expect(figures.find((r) => r.text === '9次')).toMatchObject({ value: '9', value_note: '' });
    // every row (duplicates, defects, checks too) has as many cells as the header
    const raw = readFileSync(join(dir, 'a.csv'), 'utf8').slice(1).trim().split('\r\n');
    const width = raw[0].split(',').length;
    for (const r of raw) expect(Papa.parse<string[]>(r).data[0]).toHaveLength(width);
  });

  it('import + export csv and xlsx: facts carry value_note for the same figures', async () => {
    const ws = tmp('ra-vn-ws-');
    writeFileSync(join(ws, 'minguo.txt'), REPORT);
    expect(await runCli(['import', join(ws, 'minguo.txt'), '--workspace', ws], quiet())).toBe(0);
    expect(await runCli(['export', '--workspace', ws, '--format', 'csv', '--out', join(ws, 'csv'), '--filter', 'all'], quiet())).toBe(0);
    const facts = parseCsv(join(ws, 'csv', 'facts.csv'));
    expect(facts.find((r) => r.text === '民國108年')?.value_note).toBe('minguo-year year=108');
    expect(facts.find((r) => r.text === '9次')?.value_note).toBe('');
    expect(await runCli(['export', '--workspace', ws, '--format', 'xlsx', '--out', join(ws, 'd.xlsx'), '--filter', 'all'], quiet())).toBe(0);
    const sheet = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(readFileSync(join(ws, 'd.xlsx'))).Sheets.facts);
    expect(sheet.find((r) => r.text === '民國108年')?.value_note).toBe('minguo-year year=108');
    expect(sheet.map((r) => r.text)).toEqual(facts.map((r) => r.text));
  });
});
