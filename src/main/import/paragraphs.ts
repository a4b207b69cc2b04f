import { firstCp, isCjk, isSpace, lastCp } from './chars';

/**
 * The importers' common output shape, the same as the corpus files: the text starts with a
 * blank line ("\n\n"), has one paragraph per line, and a blank line between paragraphs.
 */
export function joinParagraphs(paragraphs: readonly string[]): string {
  const kept: string[] = [];
  for (const p of paragraphs) {
    const t = cleanParagraph(p);
    if (t.length > 0) kept.push(t);
  }
  return kept.length === 0 ? '' : '\n\n' + kept.join('\n\n');
}

/** One paragraph: no line breaks inside, no whitespace (incl. U+3000, NBSP) at either end. */
export function cleanParagraph(p: string): string {
  const oneLine = p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0 ? p.replace(/[\r\n]+/g, ' ') : p;
  return trimSpace(oneLine);
}

export function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const ASCII_WORD_END = /[A-Za-z0-9.,;:!?)\]"']$/;
const ASCII_WORD_START = /^[A-Za-z0-9(["']/;

/**
 * Joins two pieces of one paragraph that were split by a line wrap: no space between CJK
 * characters (Chinese has none), one space between words of Latin script.
 */
export function joinWrapped(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const x = lastCp(a);
  const y = firstCp(b);
  if (isSpace(x) || isSpace(y) || isCjk(x) || isCjk(y)) return a + b;
  if (a.endsWith('-') && /[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a + b; // keep hyphenated words as printed
  return ASCII_WORD_END.test(a) && ASCII_WORD_START.test(b) ? a + ' ' + b : a + b;
}
