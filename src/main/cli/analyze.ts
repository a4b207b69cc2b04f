/**
 * `report-annotator analyze <files or folders…> [--format jsonl|csv] [--out FILE]`: the findings
 * the app shows for each report, without a workspace — the detectors' figures, duplicates and
 * defects, and the consistency checks over the figures (core/document's rules, with no indicator
 * map), as `checks` beside them (defects of kind `consistency`; the annotation guide's defect
 * kinds stay apart in `defects`).
 */
import { createWriteStream } from 'node:fs';
import { relative } from 'node:path';
import { isAppError } from '../../core/errors';
import { valueNote } from '../../core/export/tabular';
import type { Analysis, AnalysisCapped, Defect } from '../../core/schema';
import { cpLength } from '../../core/text';
import { AnalysisPool, type FiguresAndDefectsJson } from '../analysis/pool';
import { type ImportedText, SUPPORTED_EXTENSIONS, expandPaths, importFile, warningText } from '../import';
import { csvRow } from './csv';
import { type CliIO, progressReporter } from './io';

export interface AnalyzeArgs {
  paths: string[];
  format: 'jsonl' | 'csv';
  out?: string;
}

// import-s6: value_note as in the app's facts.csv / XLSX (`code k=v`, why a figure's value is null)
const CSV_HEADER = ['path', 'type', 'kind', 'start', 'end', 'text', 'value', 'value_to', 'unit', 'approx', 'metric', 'b_start', 'b_end', 'replacement', 'value_note'];

export async function runAnalyze(args: AnalyzeArgs, io: CliIO): Promise<number> {
  const files = await expandPaths(args.paths);
  if (files.length === 0) {
    io.err(`analyze: no report files (${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(' ')}) in the given paths\n`); // import-s6
    return 1;
  }
  const showProgress = files.length > 1;
  const out = args.out ? createWriteStream(args.out) : null;
  const write = (s: string): void => {
    if (out) out.write(s);
    else io.out(s);
  };
  const writePart = (part: Part): void => {
    if (typeof part === 'string' || !out) write(asText(part));
    else out.write(part);
  };
  if (args.format === 'csv') write('\ufeff' + csvRow(CSV_HEADER));

  let failed = 0;
  const docs: Doc[] = [];
  const pool = new AnalysisPool();
  try {
    // The workers start at once. While the files are read, one of them learns the boilerplate
    // model and the others find figures and defects (they need no model); the duplicates follow.
    pool.warm();
    const learner = pool.boilerplateBuilder();
    let progress: ReturnType<typeof progressReporter> | null = null;
    let done = 0;
    let emitted = 0;
    const flushInOrder = (): void => {
      for (; emitted < docs.length; emitted++) {
        const d = docs[emitted];
        const parts = partsOf(d);
        if (!parts) break;
        const path = display(d.path);
        if (args.format === 'jsonl') {
          // the line JSON.stringify({ path, sha256, length, encoding, format, ...analysis }) makes,
          // written in pieces (a long report's JSON is not copied into one more string)
          // import-s6: what the importer did to the text (line ends read as LF, layout spaces removed…), as codes + params
          const warnings = d.imported.warnings.length > 0 ? { warnings: d.imported.warnings } : {};
          const head = JSON.stringify({ path, sha256: d.imported.sha256, length: d.length, encoding: d.imported.encoding, format: d.imported.format, ...warnings });
          write(`${head.slice(0, -1)},"figures":`);
          writePart(parts[0]);
          write(',"duplicates":');
          writePart(parts[1]);
          write(',"defects":');
          writePart(parts[2]);
          write(',"checks":');
          writePart(parts[3]);
          // memory: the kinds cut to their first findings (core/analyze's cap), never silently
          write(Object.keys(d.capped).length > 0 ? `,"capped":${JSON.stringify(d.capped)}}\n` : '}\n');
        } else {
          const [figures, duplicates, defects, checks] = parts.map(asText);
          for (const w of d.imported.warnings) io.err(`${path}: warning: ${warningText(w)}\n`); // import-s6
          writeCsv(path, JSON.parse(`{"figures":${figures},"duplicates":${duplicates},"defects":${defects},"checks":${checks}}`) as Analysis & { checks: Defect[] }, write);
        }
        for (const [kind, limit] of Object.entries(d.capped)) io.err(`${path}: more than ${limit} ${kind}; only the first ${limit} (in reading order) are listed\n`);
        docs[emitted] = { ...d, fd: null, dup: null, all: null };
      }
    };
    const finished = (d: Doc): void => {
      if (!partsOf(d)) return;
      d.imported = { ...d.imported, text: '' }; // free memory early
      done++;
      if (showProgress) progress?.(done);
      flushInOrder();
    };
    // figures and defects: started as each file is read (a bounded amount of text ahead); a
    // very long report is analysed whole later, so that its two parts do not take memory at once
    const started: Promise<void>[] = [];
    let waited = 0;
    let ahead = 0;
    // files are read a few at a time (each read is several round trips to the file system's
    // thread pool, which wait long behind the busy workers), and taken in order
    const reads = new Map<number, Promise<ImportedText>>();
    let requested = 0;
    const readAhead = (upTo: number): void => {
      for (; requested < Math.min(files.length, upTo); requested++) {
        const read = importFile(files[requested]);
        read.catch(() => {}); // awaited in order below
        reads.set(requested, read);
      }
    };
    for (const [i, path] of files.entries()) {
      readAhead(i + READ_AHEAD);
      try {
        const read = reads.get(i) ?? importFile(path);
        reads.delete(i);
        const imported = await read;
        const d: Doc = { path, imported, length: cpLength(imported.text), whole: imported.text.length > WHOLE_UNITS, fd: null, dup: null, all: null, capped: {} };
        const cut = (c: AnalysisCapped): void => void Object.assign(d.capped, c);
        docs.push(d);
        learner.add(imported.text);
        if (!d.whole) {
          const units = imported.text.length;
          ahead += units;
          const job = pool.analyzePart(imported.text, 'figures+defects', { checks: true, onCapped: cut }).then((fd) => {
            ahead -= units;
            d.fd = fd;
            finished(d);
          });
          job.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
          started.push(job);
        }
      } catch (e) {
        failed++;
        const error = isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) };
        if (args.format === 'jsonl') write(JSON.stringify({ path: display(path), error }) + '\n');
        else io.err(`${display(path)}: ${error.code}: ${error.message}\n`);
      }
      while (waited < started.length && ahead > AHEAD_UNITS) await started[waited++];
    }
    progress = progressReporter(io, 'analysed', docs.length);
    const boilerplate = await learner.build();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < docs.length) {
        const d = docs[next++];
        const cut = (c: AnalysisCapped): void => void Object.assign(d.capped, c);
        if (d.whole) d.all = await pool.analyzeUtf8(d.imported.text, boilerplate, { checks: true, onCapped: cut });
        else d.dup = await pool.analyzePart(d.imported.text, 'duplicates', boilerplate, cut);
        finished(d);
      }
    };
    await Promise.all([...Array.from({ length: pool.size * 2 }, worker), ...started.slice(waited)]);
    if (showProgress) {
      progress(done, true);
      io.err(`analysed ${done} files, ${failed} failed (${pool.inProcess ? 'in process' : `${pool.size} worker threads`})\n`);
    }
  } finally {
    await pool.close();
  }
  if (out) await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  return failed > 0 ? 1 : 0;
}

/** Files being read at once. */
const READ_AHEAD = 8;

/** UTF-16 units of text whose figures and defects may be pending while files are read. */
const AHEAD_UNITS = 64 << 20;

/** Reports longer than this (UTF-16 units) are analysed in one piece, after the model. */
const WHOLE_UNITS = 4 << 20;

interface Doc {
  path: string;
  imported: ImportedText;
  length: number;
  /** analysed in one piece (`all`), not in two parts (`fd`, `dup`) */
  whole: boolean;
  /** the analysis as JSON text, once done: figures, defects and checks, duplicates; or all of it */
  fd: FiguresAndDefectsJson | null;
  dup: string | null;
  /** figures, duplicates, defects, checks as JSON in UTF-8 */
  all: Uint8Array[] | null;
  /** memory: the kinds of finding cut to their first ones */
  capped: AnalysisCapped;
}

/** The JSON of figures, duplicates or defects: text, or UTF-8 bytes. */
type Part = string | Uint8Array;

/** A document's figures, duplicates, defects and checks once all are done, else null. */
function partsOf(d: Doc): Part[] | null {
  if (d.whole) return d.all;
  return d.fd && d.dup !== null ? [d.fd.figures, d.dup, d.fd.defects, d.fd.checks ?? '[]'] : null;
}

const asText = (part: Part): string => (typeof part === 'string' ? part : new TextDecoder().decode(part));

function writeCsv(path: string, a: Analysis & { checks: Defect[] }, write: (s: string) => void): void {
  for (const f of a.figures) write(csvRow([path, 'figure', f.kind, f.start, f.end, f.text, f.value, f.value_to, f.unit, f.approx, f.metric, '', '', '', valueNote(f)]));
  for (const d of a.duplicates) write(csvRow([path, 'duplicate', d.kind, d.a.start, d.a.end, d.a.text, d.similarity ?? '', '', '', '', '', d.b.start, d.b.end, '', '']));
  for (const d of a.defects) write(csvRow([path, 'defect', d.kind, d.start, d.end, d.text, '', '', '', '', '', '', '', d.replacement, '']));
  // a check: its rule as the kind (percent_over_100, part_exceeds_whole, conflicting_values), no fix
  for (const d of a.checks) write(csvRow([path, 'check', d.check?.rule ?? d.kind, d.start, d.end, d.text, d.check?.value ?? '', '', '', '', d.check?.indicator ?? '', d.check?.related?.start ?? '', d.check?.related?.end ?? '', '', '']));
}

function display(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
