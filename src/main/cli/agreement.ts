/**
 * `report-annotator agreement --workspace DIR [--format table|json] [--kind K]`
 * Pairwise agreement between the analysts of a team workspace (core/team/agreement.ts): span
 * F1 and Krippendorff's alpha (status, unit, value) per kind, as analyst × analyst matrices and
 * per pair, pooled over the reports both analysts reviewed.
 *
 * The layers come from a `TeamLayersSource` (store v2 lists each analyst's work per document
 * and builds their effective findings with core/document); the command itself reads nothing.
 */
import { type AgreementMeasure, type AgreementReport, type DocumentLayers, agreementMatrix, computeAgreement } from '../../core/team';
import type { CliIO } from './io';

export interface TeamAnalyst {
  /** stable id (what the layers name) */
  id: string;
  /** display name */
  name: string;
}

/** What the command needs of a team workspace. */
export interface TeamLayersSource {
  analysts(): Promise<TeamAnalyst[]>;
  /** every document with each analyst's layer (analysts without work on it may be left out) */
  documents(): AsyncIterable<DocumentLayers> | Iterable<DocumentLayers> | Promise<Iterable<DocumentLayers>>;
  close?(): Promise<void>;
}

export interface AgreementArgs {
  workspace: string;
  format?: string;
  kind?: string;
}

const fmt = (v: number | null): string => (v === null ? '—' : v.toFixed(3));

function pad(s: string, n: number): string {
  // CJK names take two columns
  const width = [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, n - width));
}

const MEASURES: [AgreementMeasure, string][] = [
  ['f1', 'span F1'],
  ['status', "Krippendorff's alpha, status (nominal)"],
  ['unit', "Krippendorff's alpha, unit (nominal)"],
  ['value', "Krippendorff's alpha, value in base units (interval)"],
];

/** The report as text tables: matrices for one kind, then every pair per kind. */
export function agreementTable(report: AgreementReport, names: Map<string, string>, kind = 'all'): string {
  const label = (id: string) => names.get(id) ?? id;
  const w = Math.max(8, ...report.analysts.map((a) => label(a).length * 2 + 2));
  const lines: string[] = [];
  const docs = new Set(report.perDocument.filter((d) => d.pairs.length > 0).map((d) => d.docId)).size;
  lines.push(`agreement: ${report.analysts.length} analysts, ${docs} reports reviewed by two or more`);
  for (const [measure, title] of MEASURES) {
    if (measure === 'value' && kind === 'all') continue;
    lines.push('', `${title} — ${kind === 'all' ? 'all kinds' : kind}`);
    lines.push(pad('', w) + report.analysts.map((a) => pad(label(a), w)).join(''));
    agreementMatrix(report.pairs, report.analysts, kind, measure).forEach((row, i) => lines.push(pad(label(report.analysts[i]!), w) + row.map((v) => pad(fmt(v), w)).join('')));
  }
  lines.push('', 'per kind and pair (pooled over the reports both reviewed):');
  lines.push(['kind', 'pair', 'reports', 'A', 'B', 'matched', 'F1', 'α status', 'α unit', 'α value'].map((h, i) => pad(h, i === 1 ? 2 * w : 10)).join(''));
  for (const k of ['all', ...report.kinds]) {
    for (const p of report.pairs) {
      const f = p.byKind[k];
      if (!f || p.documents === 0) continue;
      lines.push([k, `${label(p.a)}–${label(p.b)}`, String(p.documents), String(f.aCount), String(f.bCount), String(f.matched), fmt(f.f1), fmt(f.status.alpha), fmt(f.unit.alpha), fmt(f.value.alpha)].map((c, i) => pad(c, i === 1 ? 2 * w : 10)).join(''));
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function runAgreement(args: AgreementArgs, io: CliIO, open: (workspace: string) => Promise<TeamLayersSource>): Promise<number> {
  const format = args.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    io.err(`agreement: --format must be table or json, not ${format}\n`);
    return 2;
  }
  let source: TeamLayersSource;
  try {
    source = await open(args.workspace);
  } catch (e) {
    // an AppError (no workspace there, newer store, …): a plain message, exit 1
    if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string') {
      io.err(`agreement: ${e.message} [${String((e as unknown as { code: string }).code)}]\n`);
      return 1;
    }
    throw e;
  }
  try {
    const analysts = await source.analysts();
    const docs: DocumentLayers[] = [];
    const listed = source.documents();
    for await (const d of listed instanceof Promise ? await listed : listed) docs.push(d);
    const report = computeAgreement(docs, analysts.map((a) => a.id));
    if (args.kind && args.kind !== 'all' && !report.kinds.includes(args.kind)) {
      io.err(`agreement: no findings of kind ${args.kind} (kinds: ${report.kinds.join(', ') || 'none'})\n`);
      return 2;
    }
    if (format === 'json') io.out(`${JSON.stringify({ ...report, names: analysts }, null, 1)}\n`);
    else io.out(agreementTable(report, new Map(analysts.map((a) => [a.id, a.name])), args.kind ?? 'all'));
    return 0;
  } finally {
    await source.close?.();
  }
}
