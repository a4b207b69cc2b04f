import { chardet } from 'jschardet';
import { AppError } from '../../core/errors';
import { looksBinary, sniffBomlessUtf16 } from './binary';
import { scoreChinese } from './cjk-score';
import { canonicalEncoding, countReplacements, decodeWith, isUtf16or32 } from './encodings';

/** Bytes inspected when choosing between legacy encodings. */
const SAMPLE = 64 * 1024;
/** Minimum plausibility (see scoreChinese) to accept a legacy Chinese decoding outright. */
const CHINESE_OK = 0.5;
/** Plausibility at which a legacy Chinese decoding beats a UTF-8 decoding made only of two-byte sequences. */
const CHINESE_STRONG = 1.5;
/** jschardet's confidence for single-byte Latin encodings rarely exceeds 0.2 even when right. */
const GENERAL_OK = 0.15;
/** Below this, and without a general guess, the encoding is reported unknown. */
const WEAK_CHINESE = 0.2;

export interface Decoded {
  text: string;
  encoding: string;
  /** U+FFFD characters produced by decoding (bytes that are invalid in the encoding). */
  replacements: number;
}

/**
 * Decodes bytes to text. With `override`, decodes with that encoding (throws
 * 'unknown-encoding' if it is not supported). Otherwise detects: byte order mark first, then
 * strict UTF-8, then GB18030 vs Big5 by a plausibility score of the decoded text plus
 * jschardet's confidence, then jschardet's general guess. Throws 'binary-file' for binary
 * content. A leading byte order mark is removed; line ends are left as they are.
 */
export function decodeBytes(bytes: Uint8Array, override?: string): Decoded {
  if (override !== undefined && override.trim() !== '') {
    const label = canonicalEncoding(override);
    if (!label) throw new AppError('unknown-encoding', `Unsupported encoding: ${override}`, { encoding: override });
    const encoding = byteOrder(label, bytes);
    if (!isUtf16or32(encoding) && looksBinary(bytes)) throw binary();
    return withCount(decodeWith(stripBomFor(bytes, encoding), encoding), encoding);
  }
  const bom = bomEncoding(bytes);
  if (bom) return withCount(decodeWith(bytes.subarray(bom.length), bom.encoding), bom.encoding);
  const utf16 = sniffBomlessUtf16(bytes);
  if (utf16) return withCount(decodeWith(bytes, utf16), utf16);
  if (looksBinary(bytes)) throw binary();

  const strict = strictUtf8(bytes);
  if (strict !== null) {
    // A short GBK/Big5 text can be valid UTF-8 by chance ("学习" = D1 A7 CF B0), but only
    // as two-byte sequences (Latin, Greek, Cyrillic…); real UTF-8 Chinese uses three bytes.
    const legacy = onlyTwoByteSequences(bytes) ? bestLegacy(bytes.subarray(0, SAMPLE)) : null;
    if (legacy && legacy.score >= CHINESE_STRONG) return withCount(decodeWith(bytes, legacy.encoding), legacy.encoding);
    return { text: strict, encoding: 'utf-8', replacements: 0 };
  }
  const sample = bytes.subarray(0, SAMPLE);
  if (mostlyUtf8(sample)) return withCount(decodeWith(bytes, 'utf-8'), 'utf-8');

  const encoding = chooseLegacy(sample);
  return withCount(decodeWith(bytes, encoding), encoding);
}

/** The public form: text (BOM removed, line ends untouched) and the encoding used. */
export function decodeText(bytes: Uint8Array, override?: string): { text: string; encoding: string } {
  const { text, encoding } = decodeBytes(bytes, override);
  return { text, encoding };
}

/** Generic "utf-16"/"utf-32" → the byte order of the BOM, little-endian without one. */
function byteOrder(encoding: string, bytes: Uint8Array): string {
  if (encoding !== 'utf-16' && encoding !== 'utf-32') return encoding;
  const bom = bomEncoding(bytes)?.encoding;
  return bom?.startsWith(encoding) ? bom : `${encoding}le`;
}

function binary(): AppError {
  return new AppError('binary-file', 'The file is binary, not text.');
}

function withCount(text: string, encoding: string): Decoded {
  return { text, encoding, replacements: countReplacements(text) };
}

export function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b.length >= 4 && b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return null;
}

/** With an explicit encoding, a BOM of that same encoding is still not part of the text. */
function stripBomFor(bytes: Uint8Array, encoding: string): Uint8Array {
  const bom = bomEncoding(bytes);
  return bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 with a few damaged bytes (or cut in the middle of the last character): at least 8
 * well-formed multi-byte sequences and no more than one invalid byte per 20 of them.
 */
function mostlyUtf8(s: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < s.length; ) {
    const b = s[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need > 0 && i + need >= s.length) break; // last character cut off (file or sample end)
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = (s[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return valid >= 8 && invalid * 20 <= valid;
}

const LEGACY_CHINESE = ['gb18030', 'big5'] as const;
/** Mainland reports are far more common than Traditional ones: a small head start for GB18030 in close calls. */
const GB_PRIOR = 0.3;

function onlyTwoByteSequences(bytes: Uint8Array): boolean {
  let any = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0xe0) return false;
    if (b >= 0xc0) any = true;
  }
  return any;
}

function chooseLegacy(sample: Uint8Array): string {
  const best = bestLegacy(sample);
  if (best.score >= CHINESE_OK) return best.encoding;

  // Not convincingly Chinese: take jschardet's general guess if it is a decodable encoding.
  const general = chardet.detect(sample);
  const guess = general.encoding ? canonicalEncoding(general.encoding) : null;
  if (guess && guess !== 'utf-8' && general.confidence >= GENERAL_OK) return guess;
  if (best.score >= WEAK_CHINESE) return best.encoding;
  throw new AppError('unknown-encoding', 'Could not tell the text encoding of the file; choose one explicitly.', {
    guess: general.encoding,
    confidence: general.confidence,
  });
}

/** GB18030 or Big5, whichever decodes the sample into more plausible Chinese, with its score. */
function bestLegacy(sample: Uint8Array): { encoding: string; score: number } {
  const confidences = new Map<string, number>();
  for (const r of chardet.detectAll(sample, { includeEncodings: ['gb18030', 'big5hkscs'], noMatchEncoding: 'gb18030', ignoreThreshold: true })) {
    const enc = r.encoding ? canonicalEncoding(r.encoding) : null;
    if (enc && !confidences.has(enc)) confidences.set(enc, r.confidence);
  }
  let best = { encoding: 'gb18030', score: -Infinity, ranked: -Infinity };
  for (const encoding of LEGACY_CHINESE) {
    const score = scoreChinese(decodeWith(sample, encoding)).score + (confidences.get(encoding) ?? 0);
    const ranked = score + (encoding === 'gb18030' ? GB_PRIOR : 0);
    if (ranked > best.ranked) best = { encoding, score, ranked };
  }
  return { encoding: best.encoding, score: best.score };
}
