import { normaliseLineEnds } from '../../core/text';
import { decodeBytes } from './detect-encoding';

export interface TxtResult {
  text: string;
  encoding: string;
  warnings: string[];
}

/**
 * Plain text and Markdown: decoded and line ends normalised, nothing else. The text stays
 * character-for-character what the file holds (BOM removed, CRLF/CR → LF), so offsets into
 * a UTF-8 corpus file are offsets into the imported text.
 */
export function importTxt(bytes: Uint8Array, encoding?: string): TxtResult {
  const decoded = decodeBytes(bytes, encoding);
  const warnings: string[] = [];
  if (decoded.replacements > 0) warnings.push(replacementWarning(decoded.replacements, decoded.encoding));
  return { text: normaliseLineEnds(decoded.text), encoding: decoded.encoding, warnings };
}

export function replacementWarning(n: number, encoding: string): string {
  return `${n} byte sequence${n === 1 ? '' : 's'} could not be decoded as ${encoding} and became U+FFFD; try another encoding.`;
}
