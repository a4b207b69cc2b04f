/** `report-annotator analyze <files or folders…> [--format jsonl|csv] [--out FILE]` */
import { createWriteStream } from 'node:fs';
import { relative } from 'node:path';
import { buildBoilerplate } from '../../core/duplicates';
import { isAppError } from '../../core/errors';
import type { Analysis } from '../../core/schema';
import { cpLength } from '../../core/text';
import { AnalysisPool } from '../analysis/pool';
import { type ImportedText, importFile } from '../import';
import { expandPaths } from '../service/importing';
import { csvRow } from './csv';
import { type CliIO, progressReporter } from './io';

export interface AnalyzeArgs {
  paths: string[];
  format: 'jsonl' | 'csv';
  out?: string;
}

const CSV_HEADER = ['path', 'type', 'kind', 'start', 'end', 'text', 'value', 'value_to', 'unit', 'approx', 'metric', 'b_start', 'b_end', 'replacement'];

export async function runAnalyze(args: AnalyzeArgs, io: CliIO): Promise<number> {
  const files = await expandPaths(args.paths);
  if (files.length === 0) {
    io.err('analyze: no report files found in the given paths\n');
    return 1;
  }
  const showProgress = files.length > 1;
  const out = args.out ? createWriteStream(args.out) : null;
  const write = (s: string): void => {
    if (out) out.write(s);
    else io.out(s);
  };
  if (args.format === 'csv') write('\ufeff' + csvRow(CSV_HEADER));

  let failed = 0;
  const texts: { path: string; imported: ImportedText; length: number }[] = [];
  for (const [i, path] of files.entries()) {
    try {
      const imported = await importFile(path);
      texts.push({ path, imported, length: cpLength(imported.text) });
    } catch (e) {
      failed++;
      const error = isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) };
      if (args.format === 'jsonl') write(JSON.stringify({ path: display(path), error }) + '\n');
      else io.err(`${display(path)}: ${error.code}: ${error.message}\n`);
    }
  }
  const progress = progressReporter(io, 'analysed', texts.length);
  const boilerplate = buildBoilerplate(texts.map((t) => t.imported.text));
  const pool = new AnalysisPool();
  try {
    let done = 0;
    const results: (Analysis | null)[] = new Array(texts.length).fill(null);
    let next = 0;
    let emitted = 0;
    const flushInOrder = (): void => {
      while (emitted < texts.length && results[emitted]) {
        const { path, imported, length } = texts[emitted];
        const a = results[emitted] as Analysis;
        if (args.format === 'jsonl') {
          write(JSON.stringify({ path: display(path), sha256: imported.sha256, length, encoding: imported.encoding, format: imported.format, ...a }) + '\n');
        } else writeCsv(display(path), a, write);
        results[emitted] = null;
        emitted++;
      }
    };
    const worker = async (): Promise<void> => {
      while (next < texts.length) {
        const i = next++;
        results[i] = await pool.analyze(texts[i].imported.text, boilerplate);
        texts[i] = { ...texts[i], imported: { ...texts[i].imported, text: '' } }; // free memory early
        done++;
        if (showProgress) progress(done);
        flushInOrder();
      }
    };
    await Promise.all(Array.from({ length: pool.size * 2 }, worker));
    if (showProgress) {
      progress(done, true);
      io.err(`analysed ${done} files, ${failed} failed\n`);
    }
  } finally {
    await pool.close();
  }
  if (out) await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  return failed > 0 ? 1 : 0;
}

function writeCsv(path: string, a: Analysis, write: (s: string) => void): void {
  for (const f of a.figures) write(csvRow([path, 'figure', f.kind, f.start, f.end, f.text, f.value, f.value_to, f.unit, f.approx, f.metric, '', '', '']));
  for (const d of a.duplicates) write(csvRow([path, 'duplicate', d.kind, d.a.start, d.a.end, d.a.text, d.similarity ?? '', '', '', '', '', d.b.start, d.b.end, '']));
  for (const d of a.defects) write(csvRow([path, 'defect', d.kind, d.start, d.end, d.text, '', '', '', '', '', '', '', d.replacement]));
}

function display(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
