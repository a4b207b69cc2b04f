import type { Span } from '../schema';
import { OffsetMap, type Paragraph } from '../text';
import { foldCodes, toCodes } from './codes';

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

export function makeContext(text: string, paragraphs: Paragraph[]): DocContext {
  const map = new OffsetMap(text);
  const codes = toCodes(text);
  return { text, map, codes, folded: foldCodes(codes), paragraphs };
}

/** The text of [start, end) (code points). */
export function sliceCp(ctx: DocContext, start: number, end: number): string {
  return ctx.text.slice(ctx.map.toUtf16(start), ctx.map.toUtf16(end));
}

export function span(ctx: DocContext, start: number, end: number): Span {
  return { start, end, text: sliceCp(ctx, start, end) };
}
