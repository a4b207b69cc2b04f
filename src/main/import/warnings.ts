/**
 * Import warnings: what an importer did to a file's text (codes + params, worded by the UI in
 * both languages, see importWarning.* in messages.ts). `warningText` is the English wording for
 * the CLI, logs and benches.
 */
import type { ImportWarning } from '../../core/api';

export type { ImportWarning } from '../../core/api';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function warningText(w: ImportWarning): string {
  const p = w.params ?? {};
  const n = (k: string): number => Number(p[k] ?? 0);
  switch (w.code) {
    case 'pdf-page-unreadable': {
      // warn-s7: the kind in words, pdf.js's own text after it
      const why = p.kind === 'damaged' ? 'its data is damaged' : p.kind === 'font' ? 'a font in it could not be read' : p.kind === 'image' ? 'an image in it could not be read' : 'the PDF reader failed on it';
      return `Page ${p.page} could not be read (${why}); its text is missing${p.reason ? ` [pdf.js: ${p.reason}]` : ''}`;
    }
    case 'pdf-pages-repeated':
      return `The page tree names ${plural(n('count'), 'page', 'pages')} again; ${n('count') === 1 ? 'its' : 'their'} text is repeated as printed.`;
    case 'pdf-layout-spaces': {
      const parts: string[] = [];
      if (n('letterSpacing') > 0) parts.push(`${n('letterSpacing')} between letter-spaced Chinese characters`);
      if (n('cjkDigit') > 0) parts.push(`${n('cjkDigit')} between Chinese characters and numbers`);
      if (n('punctuation') > 0) parts.push(`${n('punctuation')} beside full-width punctuation`);
      return `${plural(n('total'), 'layout space', 'layout spaces')} removed (${parts.join(', ')}).`;
    }
    case 'pdf-radicals-fixed':
      return `${plural(n('count'), 'Kangxi radical character', 'Kangxi radical characters')} replaced by the ideograph${n('count') === 1 ? '' : 's'} it stands for.`;
    case 'undecodable-bytes':
      return `${plural(n('count'), 'byte sequence', 'byte sequences')} could not be decoded as ${p.encoding} and became U+FFFD; try another encoding.`;
    case 'html-unterminated':
      return `The page ends inside an unterminated ${p.what}; its remainder was skipped.`;
    case 'html-declared-utf8':
      return `The page declares ${p.declared} but is UTF-8; read as UTF-8.`;
    case 'html-declared-mismatch':
      return `The page declares ${p.declared} but reads better as ${p.encoding}; read as ${p.encoding}.`;
    case 'docx-message': {
      // warn-s7: the kind in words, mammoth's own text after it
      const times = n('count') > 1 ? ` (${n('count')} times)` : '';
      const raw = p.message ? ` [mammoth: ${p.message}]` : '';
      switch (p.kind) {
        case 'element-ignored':
          return `Word: an element the converter does not know (${p.element}) was left out with any text in it${times}${raw}`;
        case 'symbol-ignored':
          return `Word: a symbol character (${p.char} in font ${p.font}) could not be converted and is missing${times}${raw}`;
        case 'table-merge':
          return `Word: a table's merged cells could not be lined up; its cells may be merged wrongly${times}${raw}`;
        case 'image-unreadable':
          return `Word: an image could not be converted (the text is not affected)${times}${raw}`;
        default:
          return `Word: the converter reported a problem${times}${raw}`;
      }
    }
    case 'line-ends-normalised': {
      // import-s6
      const parts: string[] = [];
      if (n('crlf') > 0) parts.push(`${n('crlf')} CRLF`);
      if (n('cr') > 0) parts.push(`${n('cr')} CR`);
      if (n('separators') > 0) parts.push(`${n('separators')} Unicode line/paragraph separator${n('separators') === 1 ? '' : 's'}`);
      return `Line ends read as LF (${parts.join(', ')}); offsets count each line end as one character.`;
    }
    case 'encoding-ignored':
      return `The encoding override (${p.encoding}) does not apply to ${p.format} files and was ignored.`;
  }
}
