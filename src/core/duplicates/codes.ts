/**
 * Code point arrays for the duplicate detectors. Index i of the array is code point offset i
 * of the text, so every position computed here is already a code point offset.
 */

/** Code points of `text` (lone surrogates are kept as their own unit value). */
export function toCodes(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === out.length ? out : out.slice(0, n);
}

const PUNCT = new Map<number, number>();
for (const [from, to] of [
  ['，', ','], ['、', ','], ['。', '.'], ['．', '.'], ['；', ';'], ['：', ':'], ['？', '?'], ['！', '!'],
  ['（', '('], ['）', ')'], ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['【', '['], ['】', ']'],
  ['《', '<'], ['》', '>'], ['—', '-'], ['－', '-'], ['～', '~'], ['·', '.'], ['「', '"'], ['」', '"'],
  ['『', '"'], ['』', '"'], ['〈', '<'], ['〉', '>'],
]) PUNCT.set(from.charCodeAt(0), to.charCodeAt(0));

/** foldCode for the BMP, precomputed */
const FOLD_BMP = new Int32Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  FOLD_BMP[c] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : PUNCT.get(c) ?? c;
}

/**
 * Folds one code point for comparison (same mapping as text/fold.ts, one to one): full-width
 * ASCII to ASCII, ideographic space to space, Chinese punctuation to its ASCII counterpart.
 */
export function foldCode(c: number): number {
  return c < 0x10000 ? FOLD_BMP[c] : c;
}

/**
 * Code points and folded code points of `text` in one pass (same as toCodes + foldCodes).
 * `codes` is omitted when not asked for.
 */
export function foldText(text: string, withCodes: true): { codes: Int32Array; folded: Int32Array };
export function foldText(text: string, withCodes?: false): { codes: null; folded: Int32Array };
export function foldText(text: string, withCodes = false): { codes: Int32Array | null; folded: Int32Array } {
  const len = text.length;
  let folded = new Int32Array(len);
  let codes = withCodes ? new Int32Array(len) : null;
  let n = 0;
  for (let i = 0; i < len; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        if (codes) codes[n] = c;
        folded[n++] = c;
        continue;
      }
    }
    if (codes) codes[n] = c;
    folded[n++] = FOLD_BMP[c];
  }
  if (n !== len) {
    folded = folded.slice(0, n);
    if (codes) codes = codes.slice(0, n);
  }
  return { codes, folded };
}

/** Folded code points, one to one with codes. */
export function foldCodes(codes: Int32Array): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    out[i] = c < 0x10000 ? FOLD_BMP[c] : c;
  }
  return out;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Han ideographs: URO, extension A, compatibility, and the supplementary planes (ext. B and on). */
export function isHan(c: number): boolean {
  return c < 0x10000 ? (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) : c >= 0x20000 && c <= 0x3ffff;
}

/** Letters: Han, Latin, and other alphabetic scripts (not digits, punctuation or spaces). */
export function isLetter(c: number): boolean {
  if (isHan(c)) return true;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c >= 0xc0 && c < 0x2000;
}
