import type { Defect } from '../schema';
import type { OffsetMap, Paragraph } from '../text';
import { findBrokenParagraphs } from './broken-paragraph';
import { findCaptions } from './caption';
import { makeDefectContext, surveyParagraphs } from './context';
import { findForeignTokens } from './foreign-token';
import { findLetterSpacing } from './letter-spacing';
import { findMarkup } from './markup';
import { findMixedPunctuation } from './punctuation';

/** Finds text defects with suggested corrections (ANNOTATION-GUIDE §3). Offsets are code points. */
export function detectDefects(text: string, paragraphs: Paragraph[], map?: OffsetMap): Defect[] {
  const ctx = makeDefectContext(text, paragraphs, map);
  // which paragraphs hold Latin letters, markup characters, brackets: one pass for three detectors
  const survey = surveyParagraphs(paragraphs, ctx.map.isBmp ? text : undefined);
  const markup = findMarkup(paragraphs, ctx.map.isBmp, survey);
  const out = [
    ...findBrokenParagraphs(ctx),
    ...findForeignTokens(paragraphs, ctx.map.isBmp, survey),
    ...markup,
    ...findCaptions(paragraphs, ctx.map.isBmp, survey),
    // the ; of &nbsp; and the ) of a markdown link go with the markup, not the punctuation
    ...findMixedPunctuation(ctx, markup),
    // one finding per report, like a report in half-width punctuation
    ...findLetterSpacing(ctx),
  ];
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
