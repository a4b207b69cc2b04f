/** Character classes shared by the importers. All functions take one code point. */

/** CJK ideographs, CJK punctuation, kana and full-width forms: text that is not separated by spaces. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3100 && cp <= 0x312f) || // bopomofo
    (cp >= 0x3190 && cp <= 0x31ff) ||
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed, compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // vertical forms
    (cp >= 0xff00 && cp <= 0xffef) || // half/full-width forms
    (cp >= 0x20000 && cp <= 0x3134f) // extensions B–H
  );
}

/** Han ideographs only (no punctuation). */
export function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** Whitespace that is trimmed from the ends of a paragraph (includes U+3000 and NBSP). */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x0b || cp === 0xa0 || cp === 0x3000 || cp === 0xfeff || (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f;
}

/** First and last code points of a string (or -1 when empty). */
export function firstCp(s: string): number {
  return s.length === 0 ? -1 : (s.codePointAt(0) ?? -1);
}

export function lastCp(s: string): number {
  if (s.length === 0) return -1;
  const c = s.charCodeAt(s.length - 1);
  if (c >= 0xdc00 && c <= 0xdfff && s.length >= 2) return s.codePointAt(s.length - 2) ?? c;
  return c;
}
