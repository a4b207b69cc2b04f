import type { Span } from '../schema';
import { OffsetMap, type Paragraph } from '../text';
import { codesAndFolds } from './codes';

/** One document prepared for the duplicate detectors. All positions are code point offsets. */
export interface DocContext {
  text: string;
  map: OffsetMap;
  /** code points of the text */
  codes: Int32Array;
  /** code points folded for comparison (width, punctuation), one to one with codes */
  folded: Int32Array;
  paragraphs: Paragraph[];
}

export function makeContext(text: string, paragraphs: Paragraph[], map: OffsetMap = new OffsetMap(text)): DocContext {
  const { codes, folded } = codesAndFolds(text, map.isBmp);
  return { text, map, codes, folded, paragraphs };
}

/** The text of [start, end) (code points). */
export function sliceCp(ctx: DocContext, start: number, end: number): string {
  return ctx.text.slice(ctx.map.toUtf16(start), ctx.map.toUtf16(end));
}

export function span(ctx: DocContext, start: number, end: number): Span {
  return { start, end, text: sliceCp(ctx, start, end) };
}
