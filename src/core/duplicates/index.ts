import type { Duplicate } from '../schema';
import type { Paragraph } from '../text';

/** Passages shared by most documents of a corpus, plus the shipped standard formulae. */
export interface BoilerplateModel {
  passages: string[];
}

/** Builds the boilerplate model from all documents of a workspace or CLI run. */
export function buildBoilerplate(texts: string[]): BoilerplateModel {
  void texts;
  return { passages: [] };
}

/** Finds duplicated text in one document. Offsets are code points. */
export function detectDuplicates(text: string, paragraphs: Paragraph[], boilerplate?: BoilerplateModel): Duplicate[] {
  void text; void paragraphs; void boilerplate;
  return [];
}
