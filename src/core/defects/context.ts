import type { Defect } from '../schema';
import { OffsetMap, type Paragraph } from '../text';

/** A document prepared for the defect detectors. */
export interface DefectContext {
  text: string;
  map: OffsetMap;
  paragraphs: Paragraph[];
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
