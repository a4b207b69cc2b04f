/**
 * Folding for comparison: full-width ASCII to half-width, ideographic space to space,
 * Chinese punctuation to its ASCII counterpart, whitespace runs removed.
 */
const PUNCT: Record<string, string> = {
  '，': ',', '。': '.', '；': ';', '：': ':', '？': '?', '！': '!', '（': '(', '）': ')',
  '“': '"', '”': '"', '‘': "'", '’': "'", '、': ',', '【': '[', '】': ']', '《': '<', '》': '>',
  '—': '-', '－': '-', '～': '~', '·': '.', '．': '.',
};

export function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  return PUNCT[ch] ?? ch;
}

/** Folds width and punctuation and drops all whitespace. */
export function foldForCompare(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = foldChar(ch);
    if (/\s/.test(f)) continue;
    out += f;
  }
  return out;
}

/** Full-width digits to ASCII digits (same length, so offsets are preserved). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
