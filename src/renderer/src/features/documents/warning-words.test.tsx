// @vitest-environment jsdom
/**
 * [warn-s7] Import warnings are worded from code + params in the analyst's language; the
 * converter libraries' English (mammoth, pdf.js) is only a collapsed technical detail; a folder
 * import with many warnings is one section / one notice, grouped by file, not a flood.
 */
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportWarningCode, type ImportWarning } from '../../../../core/api';
import { ErrorPresenter } from '../errors/ErrorPresenter';
import { errorStore, showNotice } from '../errors/store';
import { act } from '@testing-library/react';
import { setLang } from '../i18n/i18n';
import { ImportSummary } from './ImportSummary';
import { setWorkspace, workspaceStore } from './store';
import { warningWords } from './warning-words';

afterEach(() => {
  cleanup();
  workspaceStore.patch({ importResult: null });
  errorStore.set(() => ({ errors: [], notices: [] }));
  setLang('en');
});

const mammothText = 'An unrecognised element was ignored: w:customXml';
const docx: ImportWarning = { code: 'docx-message', params: { kind: 'element-ignored', count: 2, element: 'w:customXml', message: mammothText } };
const page: ImportWarning = { code: 'pdf-page-unreadable', params: { page: 4, kind: 'damaged', reason: 'Bad FCHECK in flate stream: 120, 239' } };

/** one warning of every code, with the params its importer gives (kinds of the library codes included) */
const every: ImportWarning[] = [
  docx,
  { code: 'docx-message', params: { kind: 'symbol-ignored', count: 1, char: 'F0AB', font: 'Wingdings 9', message: 'A w:sym element…' } },
  { code: 'docx-message', params: { kind: 'table-merge', count: 1, message: 'unexpected non-row element in table, cell merging may be incorrect' } },
  { code: 'docx-message', params: { kind: 'image-unreadable', count: 1, message: 'Could not read image' } },
  { code: 'docx-message', params: { kind: 'other', count: 1, message: 'Something odd' } },
  { code: 'docx-message', params: { message: 'a notice stored before warn-s7 (no kind)' } },
  page,
  { code: 'pdf-page-unreadable', params: { page: 2, kind: 'font', reason: 'Unable to load font' } },
  { code: 'pdf-page-unreadable', params: { page: 2, kind: 'image', reason: 'JpxError' } },
  { code: 'pdf-page-unreadable', params: { page: 2, reason: 'stored before warn-s7' } },
  { code: 'pdf-pages-repeated', params: { count: 2 } },
  { code: 'pdf-layout-spaces', params: { total: 9, letterSpacing: 5, cjkDigit: 0, punctuation: 4 } },
  { code: 'pdf-radicals-fixed', params: { count: 3 } },
  { code: 'undecodable-bytes', params: { count: 3, encoding: 'gb18030' } },
  ...['tag', 'comment', 'cdata', 'doctype', 'processing-instruction', 'script'].map((what): ImportWarning => ({ code: 'html-unterminated', params: { what } })),
  { code: 'html-declared-utf8', params: { declared: 'gb2312' } },
  { code: 'html-declared-mismatch', params: { declared: 'utf-8', encoding: 'gb18030' } },
  { code: 'encoding-ignored', params: { encoding: 'big5', format: 'pdf' } },
  { code: 'line-ends-normalised', params: { crlf: 0, cr: 3, separators: 1 } },
];

describe('warning words', () => {
  it('every code is covered by the list above', () => {
    expect(new Set(every.map((w) => w.code))).toEqual(new Set(ImportWarningCode.options));
  });

  it('in Chinese no warning carries English prose: only the params (file names, element names, encodings) are Latin', () => {
    setLang('zh');
    for (const w of every) {
      const { text } = warningWords(w, 'zh');
      const values = Object.entries(w.params ?? {}).filter(([k]) => k !== 'message' && k !== 'reason' && k !== 'kind').map(([, v]) => String(v))
        .sort((a, b) => b.length - a.length);
      let rest = text;
      for (const v of values) rest = rest.split(v).join('');
      // what is left may hold format names (Word, PDF, LF, CRLF, CR, Unicode, CDATA, DOCTYPE, UTF-8), never an English sentence
      expect(rest.replace(/\b(Word|PDF|LF|CRLF|CR|Unicode|CDATA|DOCTYPE|UTF)\b/g, ''), `${w.code} ${JSON.stringify(w.params)}: ${text}`).not.toMatch(/[A-Za-z]{2,}/);
      expect(text).not.toMatch(/\{\w+/); // no unfilled placeholder
      expect(warningWords(w, 'en').text).not.toMatch(/\{\w+/);
    }
  });

  it('the library text is only the detail, never the message', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(warningWords(docx, lang).text).not.toContain('unrecognised');
      expect(warningWords(docx, lang).detail).toBe(`mammoth: ${mammothText}`);
      expect(warningWords(page, lang).text).not.toContain('FCHECK');
      expect(warningWords(page, lang).detail).toBe('pdf.js: Bad FCHECK in flate stream: 120, 239');
    }
    expect(warningWords(docx, 'en').text).toBe('Word: a part the converter does not know (w:customXml) was left out, with any text in it (2 times)');
    expect(warningWords(docx, 'zh').text).toBe('Word：转换器不认识的部分（w:customXml）已略去，其中的文字也一并缺失（2 处）');
    expect(warningWords(page, 'zh').text).toBe('第 4 页无法读取（数据已损坏），该页文字缺失');
    expect(warningWords({ code: 'html-unterminated', params: { what: 'comment' } }, 'zh').text).toBe('网页在未闭合的注释中结束，其余部分已跳过');
    expect(warningWords({ code: 'html-unterminated', params: { what: 'script' } }, 'en').text).toBe('the page ends inside an unclosed <script>; the rest was skipped');
  });
});

describe('the import summary: one section, grouped by file', () => {
  const result = (files: number, perFile: number) => ({
    kind: 'folder' as const,
    dir: '/r',
    imported: Array.from({ length: files + 2 }, (_, i) => ({ id: `d${i}`, name: `r${i}.docx` })),
    failed: [],
    cancelled: false,
    warnings: Array.from({ length: files * perFile }, (_, i) => ({ path: `/r/r${Math.floor(i / perFile)}.docx`, warning: docx })),
  });

  it('a folder with many warnings: a headline with the counts, one entry per file (closed), the notes inside, the library text behind “Technical detail”', () => {
    workspaceStore.patch({ importResult: result(12, 3) });
    const en = render(<ImportSummary />);
    expect(en.getByTestId('import-warnings-head').textContent).toBe('12 of 14 imported files have import notes (36)');
    const files = en.getAllByTestId('import-warning-file');
    expect(files).toHaveLength(12);
    expect(files.every((f) => !f.querySelector('details')?.open)).toBe(true);
    expect(files[0].querySelector('summary')?.textContent).toBe('r0.docx 3 notes');
    expect(en.getAllByTestId('import-warning')).toHaveLength(36);
    expect(en.getAllByTestId('import-warning-detail')[0].textContent).toBe(`mammoth: ${mammothText}`);
    expect(en.getAllByTestId('import-warning')[0].querySelector('details.technical')?.hasAttribute('open')).toBe(false);
    cleanup();
    setLang('zh');
    const zh = render(<ImportSummary />);
    expect(zh.getByTestId('import-warnings-head').textContent).toBe('导入的 14 个文件中有 12 个有导入提示（共 36 条）');
    expect(zh.getAllByTestId('import-warning-file')[0].querySelector('summary')?.textContent).toBe('r0.docx 3 条');
  });

  it('a few files: their notes are open', () => {
    workspaceStore.patch({ importResult: result(2, 1) });
    const r = render(<ImportSummary />);
    expect(r.getAllByTestId('import-warning-file').every((f) => f.querySelector('details')?.open)).toBe(true);
  });
});

describe('a notice with a list', () => {
  it('shows its text, and its lines behind “Show the list”', () => {
    showNotice('3 reports imported in the background have import notes (3).', 0, false, ['a.pdf: x', 'b.pdf: y', 'c.pdf: z']);
    const r = render(<ErrorPresenter />);
    expect(r.getAllByTestId('notice')).toHaveLength(1);
    const details = r.getByTestId('notice-details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Show the list');
    fireEvent.click(details.querySelector('summary') as HTMLElement);
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['a.pdf: x', 'b.pdf: y', 'c.pdf: z']);
  });

  it('the grouped notice of a background import follows a language switch while it is shown', () => {
    setLang('zh');
    const dir = '/r/switch-' + Math.random();
    setWorkspace({ dir, name: 'r', isSample: false, documents: [], taxonomy: [], notices: [{ code: 'import-warning', message: 'x', params: { path: `${dir}/a.docx`, importWarning: 'docx-message', kind: 'table-merge', count: 1, message: 'cell merging may be incorrect' } }] });
    const r = render(<ErrorPresenter />);
    expect(r.getByTestId('notice').querySelector('.t-head span')?.textContent).toBe('后台导入的报告中有 1 份有导入提示（共 1 条）。');
    expect(r.getByTestId('notice-details').querySelector('li')?.textContent).toBe('a.docx: Word：表格的合并单元格无法对齐，单元格可能合并有误');
    act(() => setLang('en'));
    expect(r.getByTestId('notice').querySelector('.t-head span')?.textContent).toBe('1 report imported in the background has import notes (1).');
    expect(r.getByTestId('notice-details').querySelector('summary')?.textContent).toBe('Show the list');
    expect(r.getByTestId('notice-details').querySelector('li')?.textContent).toBe('a.docx: Word: the merged cells of a table could not be lined up; its cells may be joined wrongly');
  });
});
