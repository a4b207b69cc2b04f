import { detectDefects } from './defects';
import { type BoilerplateModel, detectDuplicates } from './duplicates';
import { detectFigures } from './figures';
import type { Analysis } from './schema';
import { OffsetMap, type Paragraph, splitParagraphs } from './text';

export interface AnalyzeOptions {
  /** boilerplate model built across the documents analysed together */
  boilerplate?: BoilerplateModel;
}

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
  const doc = prepare(text);
  return {
    figures: detectFigures(text),
    duplicates: detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map),
    defects: detectDefects(text, doc.paragraphs, doc.map),
  };
}

/**
 * analyzeText handing over each part as soon as it is found (figures, duplicates, defects in
 * this order), so a caller can serialise and drop it before the next is built: a very long
 * report then never holds all three at once.
 */
export function analyzeInParts(text: string, options: AnalyzeOptions, take: (key: keyof Analysis, part: Analysis[keyof Analysis]) => void): void {
  take('figures', detectFigures(text));
  const doc = prepare(text);
  take('duplicates', detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map));
  take('defects', detectDefects(text, doc.paragraphs, doc.map));
}

/**
 * The analysis in two parts that can run apart (analyzeText = both): figures and defects
 * need nothing but the text, so they can run while the corpus's boilerplate model is still
 * being learnt; duplicates need the model.
 */
export function analyzeFiguresAndDefects(text: string): Pick<Analysis, 'figures' | 'defects'> {
  const doc = prepare(text);
  return { figures: detectFigures(text), defects: detectDefects(text, doc.paragraphs, doc.map) };
}

export function analyzeDuplicates(text: string, options: AnalyzeOptions = {}): Analysis['duplicates'] {
  const doc = prepare(text);
  return detectDuplicates(text, doc.paragraphs, options.boilerplate, doc.map);
}
