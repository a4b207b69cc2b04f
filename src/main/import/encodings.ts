import iconv from 'iconv-lite';

/**
 * Encoding labels → the canonical names this module reports and decodes with. GB2312 and GBK
 * are decoded as GB18030 (a strict superset); Big5 as iconv-lite's Big5 (CP950 + HKSCS).
 */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'utf-8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-8-sig': 'utf-8', 'ascii': 'utf-8', 'us-ascii': 'utf-8',
  'utf16le': 'utf-16le', 'utf-16le': 'utf-16le', 'ucs-2': 'utf-16le', 'ucs2': 'utf-16le', 'unicode': 'utf-16le', 'utf-16': 'utf-16',
  'utf16be': 'utf-16be', 'utf-16be': 'utf-16be', 'unicodefffe': 'utf-16be',
  'utf32le': 'utf-32le', 'utf-32le': 'utf-32le', 'utf-32': 'utf-32', 'utf32be': 'utf-32be', 'utf-32be': 'utf-32be',
  'gb18030': 'gb18030', 'gbk': 'gb18030', 'gb2312': 'gb18030', 'gb_2312': 'gb18030', 'gb_2312-80': 'gb18030', 'csgb2312': 'gb18030',
  'x-gbk': 'gb18030', 'cp936': 'gb18030', 'ms936': 'gb18030', 'windows-936': 'gb18030', 'euc-cn': 'gb18030', 'chinese': 'gb18030', 'iso-ir-58': 'gb18030',
  'big5': 'big5', 'big-5': 'big5', 'big5-hkscs': 'big5', 'big5hkscs': 'big5', 'cn-big5': 'big5', 'x-x-big5': 'big5', 'csbig5': 'big5', 'cp950': 'big5', 'ms950': 'big5',
};

/**
 * Canonical encoding name for a label, or null if it cannot be decoded. Plain "utf-16" and
 * "utf-32" stay generic: the byte order then comes from the BOM (little-endian without one).
 */
export function canonicalEncoding(label: string): string | null {
  const plain = label.trim().toLowerCase();
  const dashed = plain.replace(/_/g, '-');
  // own entries only: "__proto__" or "constructor" must not find Object.prototype's members
  const direct = Object.hasOwn(ALIASES, plain) ? ALIASES[plain] : Object.hasOwn(ALIASES, dashed) ? ALIASES[dashed] : undefined;
  if (direct) return direct;
  if (plain.length === 0 || plain.length > 40 || !/^[a-z0-9._:-]+$/.test(plain)) return null;
  if (plain in Object.prototype) return null; // iconv-lite's table is a plain object too
  return iconv.encodingExists(plain) ? plain : null;
}

export function isUtf16or32(encoding: string): boolean {
  return encoding.startsWith('utf-16') || encoding.startsWith('utf-32');
}

/** Decodes with iconv-lite (or the native UTF-8 decoder); a byte order mark is left to the caller. */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  let text: string;
  if (encoding === 'utf-8') {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  }
  return text;
}

/** Number of U+FFFD replacement characters in a decoded text. */
export function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}
