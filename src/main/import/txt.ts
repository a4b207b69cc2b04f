import { normaliseLineEnds } from '../../core/text';
import { decodeBytes } from './detect-encoding';
import type { ImportWarning } from './warnings';

export interface TxtResult {
  text: string;
  encoding: string;
  warnings: ImportWarning[];
}

/**
 * Plain text and Markdown: decoded and line ends normalised, nothing else. The text stays
 * character-for-character what the file holds (BOM removed, CRLF/CR/U+2028/U+2029 → LF), so
 * offsets into a UTF-8 corpus file are offsets into the imported text. Line ends that were
 * not LF are counted in a `line-ends-normalised` warning: every offset the app, the CLI and the
 * exports give counts each line end as one character, which differs from a byte or character
 * position in a CRLF file.
 */
export function importTxt(bytes: Uint8Array, encoding?: string): TxtResult {
  const decoded = decodeBytes(bytes, encoding);
  const warnings: ImportWarning[] = [];
  if (decoded.replacements > 0) warnings.push(replacementWarning(decoded.replacements, decoded.encoding));
  const ends = countLineEnds(decoded.text);
  if (ends) warnings.push({ code: 'line-ends-normalised', params: ends });
  // a text with LF line ends only is taken as it is (no regex pass over it)
  return { text: ends ? normaliseLineEnds(decoded.text) : decoded.text, encoding: decoded.encoding, warnings };
}

export function replacementWarning(n: number, encoding: string): ImportWarning {
  return { code: 'undecodable-bytes', params: { count: n, encoding } };
}

/**
 * The line ends `normaliseLineEnds` turns into LF, by kind; null when there are none. Native
 * indexOf scans (a 20 M-unit CRLF text: ~10-30 ms, a regex pass took ~200 ms).
 */
export function countLineEnds(text: string): { crlf: number; cr: number; separators: number } | null {
  let crlf = 0;
  let cr = 0;
  let separators = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x0a) crlf++;
    else cr++;
  }
  for (const sep of ['\u2028', '\u2029']) for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) separators++;
  return crlf + cr + separators > 0 ? { crlf, cr, separators } : null;
}
