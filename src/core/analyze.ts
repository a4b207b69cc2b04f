import { detectDefects } from './defects';
import { type BoilerplateModel, detectDuplicates } from './duplicates';
import { detectFigures } from './figures';
import type { Analysis } from './schema';
import { OffsetMap, splitParagraphs } from './text';

export interface AnalyzeOptions {
  /** boilerplate model built across the documents analysed together */
  boilerplate?: BoilerplateModel;
}

/** The whole analysis of one document's text (line ends already normalised). Pure. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const map = new OffsetMap(text);
  const paragraphs = splitParagraphs(text, map);
  return {
    figures: detectFigures(text),
    duplicates: detectDuplicates(text, paragraphs, options.boilerplate),
    defects: detectDefects(text, paragraphs),
  };
}
