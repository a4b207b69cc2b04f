import { OffsetMap } from './codepoints';

/** A paragraph: a maximal run of non-blank lines. Offsets are code points into the text. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a (line-end normalised) text into paragraphs. Each non-empty line is a paragraph, as
 * reports put one paragraph per line; leading/trailing whitespace of a line is excluded from
 * the paragraph span. Offsets are code points.
 */
export function splitParagraphs(text: string, map: OffsetMap = new OffsetMap(text)): Paragraph[] {
  const out: Paragraph[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let a = i;
    let b = j;
    while (a < b && isSpaceUnit(text.charCodeAt(a))) a++;
    while (b > a && isSpaceUnit(text.charCodeAt(b - 1))) b--;
    if (b > a) {
      out.push({ index: out.length, start: map.toCp(a), end: map.toCp(b), text: text.slice(a, b) });
    }
    i = j + 1;
  }
  return out;
}

function isSpaceUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Normalises line endings (CRLF, CR, U+2028/2029) to LF. Offsets are defined after this. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?|\u2028|\u2029/g, '\n');
}
