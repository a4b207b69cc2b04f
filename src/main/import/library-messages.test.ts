/**
 * [warn-s7] DOCX and PDF import warnings carry codes + params (worded by the UI in zh/en), not
 * the converter libraries' English; the library text is kept only as a technical detail.
 */
import { describe, expect, it } from 'vitest';
import { importDocx } from './docx';
import { docxMessageWarnings, pdfPageFailureKind } from './library-messages';
import { makeDocx, wParagraph } from './test-fixtures';
import { warningText } from './warnings';

describe('mammoth messages → docx-message warnings with a kind', () => {
  it('a real .docx with an element mammoth does not know and a symbol it cannot map: one warning per kind and subject (mammoth says each once)', async () => {
    const body =
      wParagraph('召开常委会会议9次。') +
      '<w:customThing><w:p><w:r><w:t>丢失的文字</w:t></w:r></w:p></w:customThing>' +
      '<w:customThing/>' +
      '<w:p><w:r><w:t>甲</w:t><w:sym w:font="NoSuchFont" w:char="F0AB"/></w:r></w:p>';
    const r = await importDocx(await makeDocx(body));
    expect(r.text).toContain('召开常委会会议9次。');
    expect(r.text).not.toContain('丢失的文字'); // what the warning is about: text left out
    expect(r.warnings).toEqual([
      { code: 'docx-message', params: { kind: 'element-ignored', count: 1, element: 'w:customThing', message: 'An unrecognised element was ignored: w:customThing' } },
      { code: 'docx-message', params: { kind: 'symbol-ignored', count: 1, char: 'F0AB', font: 'NoSuchFont', message: expect.stringContaining('w:sym') } },
    ]);
  });

  it('style warnings change no text and are left out; an error is kept with its text as a detail only', () => {
    expect(docxMessageWarnings([{ type: 'warning', message: "Unrecognised paragraph style: 'Heading 9' (Style ID: H9)" }])).toEqual([]);
    expect(docxMessageWarnings([{ type: 'warning', message: 'unexpected non-row element in table, cell merging may be incorrect' }])[0].params).toMatchObject({ kind: 'table-merge', count: 1 });
    expect(docxMessageWarnings([{ type: 'error', message: 'Could not read image data' }])[0].params).toMatchObject({ kind: 'image-unreadable' });
    expect(docxMessageWarnings([{ type: 'error', message: 'something else' }])[0].params).toEqual({ kind: 'other', count: 1, message: 'something else' });
    // an unknown warning (not an error) is not worth a notice
    expect(docxMessageWarnings([{ type: 'warning', message: 'Ignoring complex field end character without corresponding start character' }])).toEqual([]);
  });

  it('the English wording for the CLI names what happened first, the library text after it', () => {
    const [w] = docxMessageWarnings([{ type: 'warning', message: 'An unrecognised element was ignored: w:foo' }, { type: 'warning', message: 'An unrecognised element was ignored: w:foo' }]);
    expect(warningText(w)).toBe('Word: an element the converter does not know (w:foo) was left out with any text in it (2 times) [mammoth: An unrecognised element was ignored: w:foo]');
  });
});

describe('pdf.js page failures → a kind', () => {
  const err = (name: string, message: string): Error => Object.assign(new Error(message), { name });
  it('classes the failure, whatever the message language of pdf.js', () => {
    expect(pdfPageFailureKind(err('FormatError', 'Bad FCHECK in flate stream: 120, 239'))).toBe('damaged');
    expect(pdfPageFailureKind(err('Error', 'Invalid XRef stream header'))).toBe('damaged');
    expect(pdfPageFailureKind(err('Error', 'Unable to load font data'))).toBe('font');
    expect(pdfPageFailureKind(err('Error', 'JpxError: unsupported'))).toBe('image');
    expect(pdfPageFailureKind('boom')).toBe('other');
  });
  it('the CLI wording says the page text is missing, pdf.js text as detail', () => {
    expect(warningText({ code: 'pdf-page-unreadable', params: { page: 3, kind: 'damaged', reason: 'Bad FCHECK' } })).toBe('Page 3 could not be read (its data is damaged); its text is missing [pdf.js: Bad FCHECK]');
  });
});
