import { detectDefects } from './defects';
import { type BoilerplateModel, detectDuplicates } from './duplicates';
import { detectFigures } from './figures';
import type { Analysis, AnalysisCapped, Defect, Duplicate, Figure } from './schema';
import { OffsetMap, type Paragraph, splitParagraphs } from './text';

/**
 * The most findings of one kind (figures, duplicates, defects) a document keeps: real reports
 * have about 15,000 figures per million characters, so this is far above any real report and
 * far below what runs the app out of memory (a 24 MB text made of nothing but "增长5%。" has
 * 1.85 million figures: about 1 GB of finding objects, and a document file V8 cannot write).
 * Past it, the first findings in reading order are kept and the analysis says so in `capped`
 * (the UI and the CLI tell the analyst): a finding is never dropped without a notice.
 */
export const MAX_FINDINGS_PER_KIND = 100_000;

export interface AnalyzeOptions {
  /** boilerplate model built across the documents analysed together */
  boilerplate?: BoilerplateModel;
  /** findings kept per kind (default MAX_FINDINGS_PER_KIND; smaller in tests) */
  maxPerKind?: number;
}

type CappedKind = keyof AnalysisCapped;

/** Where a finding starts in reading order (a duplicate: its second place, as core/document's findingSpan). */
const startOf: { [K in CappedKind]: (x: Analysis[K][number]) => number } = {
  figures: (f: Figure) => f.start,
  duplicates: (d: Duplicate) => d.b.start,
  defects: (d: Defect) => d.start,
};
const endOf: { [K in CappedKind]: (x: Analysis[K][number]) => number } = {
  figures: (f: Figure) => f.end,
  duplicates: (d: Duplicate) => d.b.end,
  defects: (d: Defect) => d.end,
};

/**
 * The first `limit` findings of `list` in reading order, recording the cut in `capped`; the
 * list itself when it is within the limit (its order kept as the detector made it).
 */
export function capFindings<K extends CappedKind>(kind: K, list: Analysis[K], limit: number, capped: AnalysisCapped): Analysis[K] {
  if (list.length <= limit) return list;
  capped[kind] = limit;
  const start = startOf[kind] as (x: Analysis[K][number]) => number;
  const end = endOf[kind] as (x: Analysis[K][number]) => number;
  const ordered = [...(list as Analysis[K][number][])].sort((a, b) => start(a) - start(b) || end(a) - end(b));
  ordered.length = limit;
  return ordered as Analysis[K];
}

const limitOf = (options: AnalyzeOptions): number => Math.max(1, Math.floor(options.maxPerKind ?? MAX_FINDINGS_PER_KIND));

/** `capped` when a kind was cut, else nothing (an analysis within the limits is unchanged). */
const cappedField = (capped: AnalysisCapped): { capped?: AnalysisCapped } => (Object.keys(capped).length > 0 ? { capped } : {});

/** A document's offset map and paragraphs, built once and shared by the detectors. */
interface Prepared {
  map: OffsetMap;
  paragraphs: Paragraph[];
}

function prepare(text: string): Prepared {
  const map = new OffsetMap(text);
  return { map, paragraphs: splitParagraphs(text, map) };
}

/** The whole analysis of one document's text (line ends already normalised). Pure. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const limit = limitOf(options);
  const capped: AnalysisCapped = {};
  // each kind is cut as soon as it is found, so an excess is garbage before the next detector runs
  const figures = capFindings('figures', detectFigures(text), limit, capped);
  const doc = prepare(text);
  const duplicates = capFindings('duplicates', detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map), limit, capped);
  const defects = capFindings('defects', detectDefects(text, doc.paragraphs, doc.map), limit, capped);
  return { figures, duplicates, defects, ...cappedField(capped) };
}

/**
 * analyzeText handing over each part as soon as it is found (figures, duplicates, defects in
 * this order), so a caller can serialise and drop it before the next is built: a very long
 * report then never holds all three at once. Returns the kinds that were cut (see `capped`).
 */
export function analyzeInParts(text: string, options: AnalyzeOptions, take: (key: keyof Analysis, part: Analysis[CappedKind]) => void): AnalysisCapped | undefined {
  const limit = limitOf(options);
  const capped: AnalysisCapped = {};
  take('figures', capFindings('figures', detectFigures(text), limit, capped));
  const doc = prepare(text);
  take('duplicates', capFindings('duplicates', detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map), limit, capped));
  take('defects', capFindings('defects', detectDefects(text, doc.paragraphs, doc.map), limit, capped));
  return cappedField(capped).capped;
}

/**
 * The analysis in two parts that can run apart (analyzeText = both): figures and defects
 * need nothing but the text, so they can run while the corpus's boilerplate model is still
 * being learnt; duplicates need the model.
 */
export function analyzeFiguresAndDefects(text: string, options: Pick<AnalyzeOptions, 'maxPerKind'> = {}): Pick<Analysis, 'figures' | 'defects' | 'capped'> {
  const limit = limitOf(options);
  const capped: AnalysisCapped = {};
  const figures = capFindings('figures', detectFigures(text), limit, capped);
  const doc = prepare(text);
  const defects = capFindings('defects', detectDefects(text, doc.paragraphs, doc.map), limit, capped);
  return { figures, defects, ...cappedField(capped) };
}

/** The duplicates part; a cut is recorded in `capped` when given (see AnalysisCapped). */
export function analyzeDuplicates(text: string, options: AnalyzeOptions = {}, capped: AnalysisCapped = {}): Analysis['duplicates'] {
  const doc = prepare(text);
  return capFindings('duplicates', detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map), limitOf(options), capped);
}
