import type { Defect } from '../schema';
import { OffsetMap, type Paragraph } from '../text';

/** A document prepared for the defect detectors. */
export interface DefectContext {
  text: string;
  map: OffsetMap;
  paragraphs: Paragraph[];
}

/** Bits of a paragraph's survey: what characters it holds (see surveyParagraphs). */
export const HAS_LATIN = 1; // A-Z a-z
export const HAS_MARKUP = 2; // * _ # ` < > & [ ] + -
export const HAS_BRACKET = 4; // ( or （

/** Survey bits of each character below 128 (HAS_BRACKET: '(' only; '（' is told apart). */
const ASCII_SURVEY = new Uint8Array(128);
for (let c = 0x41; c <= 0x5a; c++) ASCII_SURVEY[c] = HAS_LATIN;
for (let c = 0x61; c <= 0x7a; c++) ASCII_SURVEY[c] = HAS_LATIN;
for (const ch of '*_#`<>&[]+-') ASCII_SURVEY[ch.charCodeAt(0)] = HAS_MARKUP;
ASCII_SURVEY[0x28] = HAS_BRACKET;

/**
 * For each paragraph (by its place in the list), which of HAS_LATIN, HAS_MARKUP, HAS_BRACKET its
 * text holds: one look at each character, where the detectors that only care about paragraphs
 * holding one of them passed over every paragraph with an expression each. `bmpText`: the
 * document's text, when it holds no astral character (paragraph offsets are then UTF-16 offsets).
 */
export function surveyParagraphs(paragraphs: readonly Paragraph[], bmpText?: string): Uint8Array {
  const out = new Uint8Array(paragraphs.length);
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    // the paragraph's characters read in the document's text when its offsets are UTF-16 ones
    // (a paragraph's own text is a slice: each character read from it goes through its parent)
    const t = bmpText ?? p.text;
    const from = bmpText === undefined ? 0 : p.start;
    const to = bmpText === undefined ? t.length : p.end;
    let bits = 0;
    for (let i = from; i < to; i++) {
      const c = t.charCodeAt(i);
      if (c < 128) bits |= ASCII_SURVEY[c];
      else if (c === 0xff08) bits |= HAS_BRACKET;
    }
    out[k] = bits;
  }
  return out;
}

export function makeDefectContext(text: string, paragraphs: Paragraph[], map: OffsetMap = new OffsetMap(text)): DefectContext {
  return { text, map, paragraphs };
}

const offsetCache = new WeakMap<Paragraph, (u: number) => number>();

/** Converts UTF-16 offsets inside a paragraph's text to code point offsets in the document. */
export function paraOffsets(p: Paragraph, bmpText = false): (u: number) => number {
  if (bmpText) return (u) => p.start + u; // no astral character anywhere: UTF-16 = code points
  let f = offsetCache.get(p);
  if (!f) {
    f = buildOffsets(p);
    offsetCache.set(p, f);
  }
  return f;
}

function buildOffsets(p: Paragraph): (u: number) => number {
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const m = new OffsetMap(p.text);
      return (u) => p.start + m.toCp(u);
    }
  }
  return (u) => p.start + u;
}

/** A defect over UTF-16 range [u0, u1) of a paragraph's text. */
export function paraDefect(p: Paragraph, cp: (u: number) => number, kind: Defect['kind'], u0: number, u1: number, replacement: string | null, note?: string): Defect {
  const d: Defect = { kind, start: cp(u0), end: cp(u1), text: p.text.slice(u0, u1), replacement };
  if (note) d.note = note;
  return d;
}

/** Han ideograph (BMP blocks and astral planes) at the start of s. */
export const HAN = /\p{Script=Han}/u;

export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Last code point of a string. */
export function lastChar(s: string): string {
  const c = s.codePointAt(s.length - 1) ?? 0;
  if (c >= 0xdc00 && c <= 0xdfff && s.length > 1) return s.slice(-2);
  return s.slice(-1);
}

/** The code point just before UTF-16 index i of s, as a string (undefined at the start). */
export function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return s.slice(i - 2, i);
  return s[i - 1];
}

/** The code point at UTF-16 index i of s, as a string (undefined at the end). */
export function charAt(s: string, i: number): string | undefined {
  if (i >= s.length) return undefined;
  return String.fromCodePoint(s.codePointAt(i) ?? 0);
}
