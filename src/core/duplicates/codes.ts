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

/** Folded code points of `text` (toCodes, then foldCode of each, in one pass). */
export function foldText(text: string): Int32Array {
  const len = text.length;
  const folded = new Int32Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        folded[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    folded[n++] = FOLD_BMP[c];
  }
  return n === len ? folded : folded.slice(0, n);
}

/** Buffers for codesAndFolds, reused from one document to the next (up to SCRATCH_MAX units). */
let codesBuffer = new Int32Array(0);
let foldedBuffer = new Int32Array(0);
const SCRATCH_MAX = 1 << 21;

/**
 * Code points of `text` and their folds (toCodes, and foldCode of each, in one pass), as views of
 * buffers that the next call overwrites: for one document's analysis at a time (nothing may
 * keep them once it returns). `bmp`: the caller knows the text holds no surrogate pair.
 */
export function codesAndFolds(text: string, bmp = false): { codes: Int32Array; folded: Int32Array } {
  const len = text.length;
  let codes = codesBuffer;
  let folded = foldedBuffer;
  if (len > SCRATCH_MAX) {
    // a long report gets its own arrays, not kept once it is done
    codes = new Int32Array(len);
    folded = new Int32Array(len);
  } else if (codes.length < len) {
    const size = Math.min(SCRATCH_MAX, len + (len >> 2));
    codes = codesBuffer = new Int32Array(size);
    folded = foldedBuffer = new Int32Array(size);
  }
  if (bmp) {
    // no surrogate pair (OffsetMap.isBmp): one code point per unit
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      codes[i] = c;
      folded[i] = FOLD_BMP[c];
    }
    return { codes: codes.subarray(0, len), folded: folded.subarray(0, len) };
  }
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        codes[n] = cp;
        folded[n++] = cp;
        i++;
        continue;
      }
    }
    codes[n] = c;
    folded[n++] = FOLD_BMP[c];
  }
  return { codes: codes.subarray(0, n), folded: folded.subarray(0, n) };
}

export function isSpace(c: number): boolean {
  // ordered so that a Han character is decided by two comparisons
  if (c > 0x3000) return c === 0xfeff;
  if (c <= 0x20) return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  return c === 0xa0 || c === 0x3000;
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
