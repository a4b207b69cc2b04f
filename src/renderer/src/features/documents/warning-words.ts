/**
 * warn-s7: an import warning in the analyst's language, from its code + params. What the converter
 * library said (mammoth, pdf.js: English) is never the message; it comes back as `detail`, a
 * technical line the UI shows secondary (collapsed). Counts of nothing are left out.
 */
import type { ImportWarning } from '../../../../core/api';
import { type Lang, translate } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';

export interface WarningWords {
  text: string;
  /** the library's own words (English), for the curious and for bug reports; null when none */
  detail: string | null;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0)) || 0;

function key(lang: Lang, k: string, vars?: Record<string, string | number>): string | null {
  return isMessageKey(k) ? translate(lang, k, vars) : null;
}

/** "a, b and c" parts of a count warning, only those above zero */
function parts(lang: Lang, prefix: string, params: Record<string, string | number>, names: readonly string[]): string {
  const list = names.filter((n) => num(params[n]) > 0).map((n) => key(lang, `${prefix}.${n}`, { count: num(params[n]) }) ?? '');
  return list.join(lang === 'zh' ? '，' : ', ');
}

export function warningWords(w: ImportWarning, lang: Lang): WarningWords {
  const p = w.params ?? {};
  const times = num(p.count) > 1 ? (key(lang, 'importWarning.times', { count: num(p.count) }) ?? '') : '';
  switch (w.code) {
    case 'docx-message': {
      const kind = typeof p.kind === 'string' ? p.kind : 'other';
      const text = key(lang, `importWarning.docx.${kind}`, p) ?? key(lang, 'importWarning.docx.other', p) ?? '';
      return { text: text + times, detail: p.message ? `mammoth: ${p.message}` : null };
    }
    case 'pdf-page-unreadable': {
      const kind = typeof p.kind === 'string' ? p.kind : 'other';
      const text = key(lang, `importWarning.pdfPage.${kind}`, p) ?? key(lang, 'importWarning.pdfPage.other', p) ?? '';
      return { text, detail: p.reason ? `pdf.js: ${p.reason}` : null };
    }
    case 'html-unterminated': {
      const what = String(p.what ?? '');
      const word = key(lang, `importWarning.html.${what}`) ?? `<${what}>`;
      return { text: key(lang, 'importWarning.html.unterminated', { what: word }) ?? '', detail: null };
    }
    case 'pdf-layout-spaces': {
      const list = parts(lang, 'importWarning.layout', p, ['letterSpacing', 'cjkDigit', 'punctuation']);
      return { text: key(lang, 'importWarning.layout.total', { total: num(p.total), parts: list }) ?? '', detail: null };
    }
    case 'line-ends-normalised': {
      const list = parts(lang, 'importWarning.lineEnds', p, ['crlf', 'cr', 'separators']);
      return { text: key(lang, 'importWarning.lineEnds.total', { parts: list }) ?? '', detail: null };
    }
    default:
      return { text: key(lang, `importWarning.${w.code}`, p) ?? w.code, detail: null };
  }
}

/** One line: "name: what the import changed" (the detail left out). */
export function warningLine(w: { path: string; warning: ImportWarning }, lang: Lang): string {
  return `${fileName(w.path)}: ${warningWords(w.warning, lang).text}`;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Warnings grouped by file, in the order the files first appear. */
export function byFile<T extends { path: string }>(list: readonly T[]): { path: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const w of list) {
    const g = groups.get(w.path);
    if (g) g.push(w);
    else groups.set(w.path, [w]);
  }
  return [...groups].map(([path, items]) => ({ path, items }));
}
