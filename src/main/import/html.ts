import { AppError } from '../../core/errors';
import { looksBinary } from './binary';
import { bomEncoding, decodeBytes, type Decoded } from './detect-encoding';
import { countReplacements, decodeWith } from './encodings';
import { declaredHtmlCharset } from './html-charset';
import { htmlToParagraphs } from './html-text';
import { replacementWarning } from './txt';
import type { ImportWarning } from './warnings';

export interface HtmlResult {
  text: string;
  encoding: string;
  warnings: ImportWarning[];
}

/**
 * An HTML page → its readable text as paragraphs. Charset: the user's override, else a BOM,
 * else the page's declaration (unless the bytes are valid UTF-8 with non-ASCII text, a
 * common mislabelling), else detection as for plain text.
 */
export function importHtml(bytes: Uint8Array, override?: string): HtmlResult {
  const warnings: ImportWarning[] = [];
  const decoded = decodeHtml(bytes, override, warnings);
  if (decoded.replacements > 0) warnings.push(replacementWarning(decoded.replacements, decoded.encoding));
  const out = htmlToParagraphs(decoded.text);
  if (out.text.length === 0) {
    if (out.unterminated) throw new AppError('corrupt-html', `The page has no text: an unterminated ${out.unterminated} runs to the end of the file.`, { unterminated: out.unterminated });
    throw new AppError('file-empty', 'The page contains no text.');
  }
  if (out.unterminated) warnings.push({ code: 'html-unterminated', params: { what: out.unterminated } });
  return { text: out.text, encoding: decoded.encoding, warnings };
}

function decodeHtml(bytes: Uint8Array, override: string | undefined, warnings: ImportWarning[]): Decoded {
  if ((override !== undefined && override.trim() !== '') || bomEncoding(bytes)) return decodeBytes(bytes, override);
  const declared = declaredHtmlCharset(bytes);
  if (!declared) return decodeBytes(bytes);
  if (looksBinary(bytes)) throw new AppError('binary-file', 'The file is binary, not text.');
  const utf8 = strictUtf8WithNonAscii(bytes);
  if (utf8 !== null) {
    if (declared !== 'utf-8') warnings.push({ code: 'html-declared-utf8', params: { declared } });
    return { text: utf8, encoding: 'utf-8', replacements: 0 };
  }
  const text = decodeWith(bytes, declared);
  const replacements = countReplacements(text);
  if (replacements === 0) return { text, encoding: declared, replacements };
  const detected = decodeBytes(bytes);
  if (detected.encoding !== declared && detected.replacements < replacements) {
    warnings.push({ code: 'html-declared-mismatch', params: { declared, encoding: detected.encoding } });
    return detected;
  }
  return { text, encoding: declared, replacements };
}

function strictUtf8WithNonAscii(bytes: Uint8Array): string | null {
  let nonAscii = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      nonAscii = true;
      break;
    }
  }
  if (!nonAscii) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
