import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { astralFixture, type Fixture } from '../../core/export/testing';
import { importJsonl, importLabelStudio } from '../../core/export';
import type { DocumentFile } from '../../core/store-schema';
import { runExport } from '../cli/export';
import { WorkspaceStore } from '../store';
import { type ExportSource, exportWorkspace } from './index';

const cpSlice = (text: string, s: number, e: number): string => Array.from(text).slice(s, e).join('');

function fixture(): Fixture {
  const a = astralFixture('doc-a');
  const b = astralFixture('doc-b');
  b.workspace.documents[0].name = '=evil,"name".txt';
  return { workspace: { ...a.workspace, documents: [...a.workspace.documents, ...b.workspace.documents] }, docs: [...a.docs, ...b.docs] };
}

function memorySource(f: Fixture, reads: string[] = []): ExportSource {
  return {
    workspace: () => f.workspace,
    readDocument: async (id) => {
      reads.push(id);
      const d = f.docs.find((x) => x.id === id);
      if (!d) throw Object.assign(new Error('gone'), { name: 'AppError', code: 'document-not-found' });
      return d;
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-export-'));
});
afterEach(() => undefined);

describe('exportWorkspace', () => {
  it('jsonl: header + one line per document, reads documents one at a time, imports back', async () => {
    const f = fixture();
    const reads: string[] = [];
    const progress: (string | null)[] = [];
    const out = join(dir, 'sub', 'data.jsonl');
    const s = await exportWorkspace(memorySource(f, reads), { format: 'jsonl', filter: 'complete', out, onProgress: (p) => progress.push(p.current) });
    expect(s).toMatchObject({ documents: 2, failed: [], files: [out] });
    expect(reads).toEqual(['doc-a', 'doc-b']);
    expect(progress.at(-1)).toBeNull();
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const back = importJsonl(lines);
    expect(back.documents).toEqual(f.docs);
    expect(back.workspace).toEqual(f.workspace);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['data.jsonl']); // no temp file left
  });

  it('csv: four files, UTF-8 BOM, CRLF, formula guard, parsed back with papaparse', async () => {
    const f = fixture();
    const out = join(dir, 'csv');
    await exportWorkspace(memorySource(f), { format: 'csv', out });
    expect(readdirSync(out).sort()).toEqual(['defects.csv', 'documents.csv', 'duplicates.csv', 'facts.csv']);
    for (const name of ['facts.csv', 'duplicates.csv', 'defects.csv', 'documents.csv']) {
      const raw = readFileSync(join(out, name), 'utf8');
      expect(raw.charCodeAt(0)).toBe(0xfeff);
      expect(raw.replace(/"[^"]*"/g, '').split('\n').every((l, i, a) => i === a.length - 1 || l.endsWith('\r'))).toBe(true);
    }
    const facts = Papa.parse<Record<string, string>>(readFileSync(join(out, 'facts.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(facts.errors).toEqual([]);
    expect(facts.data.filter((r) => r.document_id === 'doc-a').map((r) => r.text)).toEqual(['9次', '3件', '5342件', '4408件', "'-5 件"]);
    expect(facts.data.find((r) => r.document_id === 'doc-b')?.document).toBe('\'=evil,"name".txt');
    const docs = Papa.parse<Record<string, string>>(readFileSync(join(out, 'documents.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(docs.data.map((r) => r.region)).toEqual(['长治市', '长治市']);
    const dups = Papa.parse<Record<string, string>>(readFileSync(join(out, 'duplicates.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(dups.data).toHaveLength(2);
  });

  it.each(['accepted', 'reviewed', 'all', 'complete'] as const)('csv (%s): the rows of facts, duplicates and defects add up to the count the dialog reports; a corrected figure keeps its original value', async (filter) => {
    const f = fixture();
    const out = join(dir, `csv-${filter}`);
    const s = await exportWorkspace(memorySource(f), { format: 'csv', filter, out });
    const parse = (name: string): Record<string, string>[] => Papa.parse<Record<string, string>>(readFileSync(join(out, name), 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    const facts = parse('facts.csv');
    const defects = parse('defects.csv');
    expect(facts.length + parse('duplicates.csv').length + defects.length).toBe(s.findings);
    // the fixture has an accepted defect: it is exported under every filter
    expect(defects.some((r) => r.status === 'accepted' || r.status === 'corrected')).toBe(true);
    const corrected = facts.find((r) => r.document_id === 'doc-a' && r.status === 'corrected');
    expect(corrected).toMatchObject({ text: '3件', value: '4', original_value: '3', original_unit: '件' });
    for (const r of facts.filter((x) => x.status !== 'corrected')) expect(r.original_value).toBe('');
    expect(defects.find((r) => r.document_id === 'doc-a' && r.status === 'corrected')).toMatchObject({ text: ' and ', replacement: '与', original_replacement: '和' });
  });

  it('xlsx: four sheets read back with SheetJS', async () => {
    const f = fixture();
    const out = join(dir, 'data.xlsx');
    await exportWorkspace(memorySource(f), { format: 'xlsx', filter: 'reviewed', out });
    const wb = XLSX.read(readFileSync(out));
    expect(wb.SheetNames).toEqual(['facts', 'duplicates', 'defects', 'documents']);
    const facts = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.facts);
    const a = facts.filter((r) => r.document_id === 'doc-a');
    expect(a.map((r) => r.text)).toEqual(['9次', '3件', '43人（次）', '5342件', '4408件', '-5 件']);
    expect(a[1]).toMatchObject({ value: 4, unit: '件', status: 'corrected', indicator: '制定修改法规件数', region: '长治市', year: '2023' });
    expect(a[2].status).toBe('rejected');
    expect(XLSX.utils.sheet_to_json(wb.Sheets.documents)).toHaveLength(2);
    expect(XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.duplicates)[0]).toMatchObject({ kind: 'exact_paragraph', a_text: '在依法履职中坚定党的领导。' });
  });

  it('label-studio: a JSON array of tasks plus a labeling config, importable', async () => {
    const out = join(dir, 'ls.json');
    const s = await exportWorkspace(memorySource(fixture()), { format: 'label-studio', filter: 'all', out });
    expect(s.files).toEqual([out, join(dir, 'ls.label-config.xml')]);
    const tasks = JSON.parse(readFileSync(out, 'utf8'));
    expect(tasks).toHaveLength(2);
    for (const t of tasks) for (const r of [...t.annotations[0].result, ...t.predictions[0].result]) expect(cpSlice(t.data.text, r.value.start, r.value.end)).toBe(r.value.text);
    expect(importLabelStudio(tasks).every((d) => d.skipped.length === 0)).toBe(true);
    expect(readFileSync(join(dir, 'ls.label-config.xml'), 'utf8')).toContain('<Labels name="label" toName="text">');
  });

  it('doccano, conll: parsed back', async () => {
    const src = memorySource(fixture());
    await exportWorkspace(src, { format: 'doccano', out: join(dir, 'd.jsonl') });
    const lines = readFileSync(join(dir, 'd.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) for (const [s, e] of l.label) expect(cpSlice(l.text, s, e).length).toBeGreaterThan(0);
    expect(lines[0].label.some(([s, e]: number[]) => cpSlice(lines[0].text, s, e) === '𠀀😀')).toBe(true);
    await exportWorkspace(src, { format: 'conll', out: join(dir, 'c.conll') });
    const conll = readFileSync(join(dir, 'c.conll'), 'utf8');
    expect(conll.match(/^-DOCSTART-\tO$/gm)).toHaveLength(2);
    expect(conll).toMatch(/^9\tB-count\n次\tI-count$/m);
  });

  it('brat and corrected text: one file per report', async () => {
    const src = memorySource(fixture());
    await exportWorkspace(src, { format: 'brat', filter: 'all', out: join(dir, 'brat') });
    const files = readdirSync(join(dir, 'brat')).sort();
    expect(files).toContain('annotation.conf');
    expect(files.filter((x) => x.endsWith('.ann'))).toHaveLength(2);
    const txt = readFileSync(join(dir, 'brat', 'doc-a__doc-a.txt'), 'utf8');
    const chars = Array.from(txt);
    for (const line of readFileSync(join(dir, 'brat', 'doc-a__doc-a.ann'), 'utf8').split('\n').filter((l) => l.startsWith('T'))) {
      const [, span, quote] = line.split('\t');
      const [, s, e] = span.split(' ');
      expect(chars.slice(Number(s), Number(e)).join('')).toBe(quote);
    }
    await exportWorkspace(src, { format: 'text', out: join(dir, 'text') });
    const corrected = readFileSync(join(dir, 'text', 'doc-a__doc-a.txt'), 'utf8');
    expect(corrected).toContain('二十大精神与习近平');
    expect(readdirSync(join(dir, 'text'))).toHaveLength(2);
  });

  it('an unreadable document is reported and skipped; a cancelled export leaves no file', async () => {
    const f = fixture();
    f.workspace.documents.push({ ...f.workspace.documents[0], id: 'missing', name: 'missing.txt' });
    const s = await exportWorkspace(memorySource(f), { format: 'jsonl', out: join(dir, 'x.jsonl') });
    expect(s.failed.map((x) => x.id)).toEqual(['missing']);
    expect(s.documents).toBe(2);
    const controller = new AbortController();
    const out = join(dir, 'cancel.xlsx');
    await expect(exportWorkspace(memorySource(fixture()), { format: 'xlsx', out, signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    expect(readdirSync(dir).filter((x) => x.startsWith('cancel'))).toEqual([]);
  });
});

describe('runExport (CLI) on a real workspace store', () => {
  async function makeWorkspace(f: Fixture): Promise<string> {
    const ws = join(dir, 'ws');
    const store = await WorkspaceStore.open(ws, { app: 'cli' });
    for (const d of f.docs) await store.writeDocument(d as DocumentFile);
    await store.updateWorkspace((w) => {
      w.documents = f.workspace.documents;
      w.taxonomy = f.workspace.taxonomy;
    });
    await store.close();
    return ws;
  }
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { out: (s: string) => void (o.out += s), err: (s: string) => void (o.err += s) } };
  };

  it('exports jsonl from a workspace folder', async () => {
    const ws = await makeWorkspace(fixture());
    const { o, io: cli } = io();
    const out = join(dir, 'o.jsonl');
    expect(await runExport({ workspace: ws, format: 'jsonl', out, filter: 'accepted' }, cli)).toBe(0);
    expect(o.out).toMatch(/exported 2 documents/);
    const back = importJsonl(readFileSync(out, 'utf8').split('\n'));
    expect(back.documents.map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
    expect(back.documents[0].findings.every((x) => ['accepted', 'corrected'].includes(back.documents[0].reviews[x.id]?.status))).toBe(true);
  });
  it('rejects bad arguments with exit code 2', async () => {
    const { o, io: cli } = io();
    expect(await runExport({ workspace: dir, format: 'pdf', out: join(dir, 'x') }, cli)).toBe(2);
    expect(await runExport({ workspace: dir, format: 'jsonl', out: join(dir, 'x'), filter: 'some' }, cli)).toBe(2);
    expect(await runExport({ workspace: join(dir, 'nope'), format: 'jsonl', out: join(dir, 'x') }, cli)).toBe(2);
    expect(o.err).toMatch(/--format must be one of/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
