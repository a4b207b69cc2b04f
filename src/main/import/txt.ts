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
 * character-for-character what the file holds (BOM removed, CRLF/CR → LF), so offsets into
 * a UTF-8 corpus file are offsets into the imported text.
 */
export function importTxt(bytes: Uint8Array, encoding?: string): TxtResult {
  const decoded = decodeBytes(bytes, encoding);
  const warnings: ImportWarning[] = [];
  if (decoded.replacements > 0) warnings.push(replacementWarning(decoded.replacements, decoded.encoding));
  return { text: normaliseLineEnds(decoded.text), encoding: decoded.encoding, warnings };
}

export function replacementWarning(n: number, encoding: string): ImportWarning {
  return { code: 'undecodable-bytes', params: { count: n, encoding } };
}
