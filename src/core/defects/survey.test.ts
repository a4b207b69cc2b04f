// surveyParagraphs replaces three per-paragraph tests (Latin letters, markup characters,
// brackets) of foreign_token, markup_residue and caption: the same answer for every text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../text';
import { HAS_BRACKET, HAS_LATIN, HAS_MARKUP, surveyParagraphs } from './context';
import { detectDefects } from './index';

/** The tests the detectors made before the survey. */
const plain = (t: string): number =>
  (/[A-Za-z]/.test(t) ? HAS_LATIN : 0) | (/[*_#`<>&[\]+-]/.test(t) ? HAS_MARKUP : 0) | (t.includes('(') || t.includes('（') ? HAS_BRACKET : 0);

// every UTF-16 unit below 0x80 and the ones around the full-width bracket, among Han text
const unit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0xff00, max: 0xff10 }), fc.constantFrom(0x4e2d, 0x6587, 0xd840, 0xdc00, 0x3000)).map((c) => String.fromCharCode(c));

describe('paragraph survey', () => {
  it('gives what the three expressions gave, for every paragraph', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        const paragraphs = splitParagraphs(text);
        const survey = surveyParagraphs(paragraphs);
        expect([...survey]).toEqual(paragraphs.map((p) => plain(p.text)));
        // read in the document's text (offsets are UTF-16 ones when it has no surrogate)
        if (!/[\ud800-\udfff]/.test(text)) expect([...surveyParagraphs(paragraphs, text)]).toEqual([...survey]);
      }),
      { numRuns: 5000 },
    );
    for (let c = 0; c < 0x10000; c++) {
      const t = `中${String.fromCharCode(c)}文`;
      expect(surveyParagraphs([{ index: 0, start: 0, end: 3, text: t }])[0]).toBe(plain(t));
    }
  });

  it('the three detectors still find their defects with it', () => {
    const text = '\n\n我们要加强 and 推进工作。\n\n**重点任务**是发展经济。\n\n全年完成投资（图片来源：新华社）一千亿元。\n\n普通段落，没有任何问题。\n';
    const kinds = detectDefects(text, splitParagraphs(text)).map((d) => `${d.kind}:${d.text}`);
    expect(kinds).toEqual(expect.arrayContaining(['foreign_token: and ', 'markup_residue:**重点任务**', 'caption:（图片来源：新华社）']));
  });
});
