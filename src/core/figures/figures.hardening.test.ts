/**
 * Hardening: the figure parsers and detectors on arbitrary input (fast-check). Whatever the
 * text — lone surrogates, astral characters, huge numerals, mixed scripts — nothing throws,
 * values are finite or null, and every offset is a valid half-open code point span whose
 * text is the code point slice it claims to be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { cpLength, cpSlice } from '../text';
import { detectFigures, parseChineseNumber, parseFigureText } from './index';

/** Pieces the detectors react to, plus the characters that break naive UTF-16 code. */
const PIECES = [
  '0', '1', '2', '3', '5', '9', '12', '3400', '4.52', '1,234', '１２', '．', '.', ',', '，', '%', '％', '‰',
  '一', '二', '两', '兩', '三', '十', '百', '千', '万', '萬', '亿', '億', '零', '〇', '点', '壹', '貳', '廿',
  '百分之', '千分之', '余', '多', '约', '近', '超过', '以上', '左右', '至', '—', '-', '~', '～',
  '元', '万元', '亿元', '个', '项', '次', '吨', '公里', '平方米', '人', '户', '年', '月', '日', '第', '届', '十四五', '“', '”', '（', '）',
  '全市', '地区生产总值', '增长', '，', '。', '；', '、', '\n', '\n\n', ' ', '\u3000', '\t', '\r',
  '\ud800', '\udbff', '\udc00', '\udfff', '𠀀', '𪚥', '😀', '👨‍👩‍👧', 'A', 'z', 'é', '\u0000', '\ufffd', '\ufeff', '<p>', '&amp;',
];

const reportish = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join(''));
/** Any UTF-16 sequence, including unpaired surrogates. */
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 200 });
/** Report-like sentences (a metric, a number, a unit) with hostile characters mixed in. */
const sentence = fc
  .tuple(
    fc.constantFrom('全市地区生产总值', '城镇新增就业', '粮食产量', '完成固定资产投资', '全年接待游客', '召开常委会会议'),
    fc.constantFrom('增长', '达到', '', '约', '超过', '完成'),
    fc.constantFrom('5.2', '3400', '两万', '一千二百三十四', '4.52', '１２', '百分之九十七点五', '1,234', '9', '\ud800', '𠀀'),
    fc.constantFrom('%', '万元', '亿元', '万人次', '次', '吨', '', '余人', '个百分点'),
    fc.constantFrom('。', '，', '；', ''),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((a) => a.join('')),
  )
  .map((parts) => parts.join(''));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const text = fc.oneof(paragraph, reportish, anyUtf16, anyCodePoints);

const RUNS = { numRuns: 400 };

function finiteOrNull(v: number | null): boolean {
  return v === null || (typeof v === 'number' && Number.isFinite(v));
}

function checkSpan(t: string, start: number, end: number, quoted: string | undefined, what: string): void {
  const n = cpLength(t);
  expect(Number.isInteger(start) && Number.isInteger(end), what).toBe(true);
  expect(start, what).toBeGreaterThanOrEqual(0);
  expect(start, what).toBeLessThanOrEqual(end);
  expect(end, what).toBeLessThanOrEqual(n);
  if (quoted !== undefined) expect(quoted, what).toBe(cpSlice(t, start, end));
}

describe('parseChineseNumber / parseFigureText on arbitrary strings', () => {
  it('never throw and return a finite number or null', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(finiteOrNull(parseChineseNumber(s))).toBe(true);
        const f = parseFigureText(s);
        if (f) {
          expect(finiteOrNull(f.value)).toBe(true);
          expect(finiteOrNull(f.value_to)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('survive enormous numerals (no Infinity, no NaN)', () => {
    const huge = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('9', '九', '万', '亿', '万亿', '0', '.9'), fc.constantFrom('', '万', '亿', '%', '元', '万亿元'))
      .map(([n, d, u]) => d.repeat(n) + u);
    fc.assert(
      fc.property(huge, (s) => {
        expect(finiteOrNull(parseChineseNumber(s))).toBe(true);
        const f = parseFigureText(s);
        if (f) expect(finiteOrNull(f.value) && finiteOrNull(f.value_to)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('detectFigures / analyzeText on arbitrary strings', () => {
  it('detectFigures: offsets are code point spans within the text and quote it exactly', () => {
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (const f of detectFigures(t)) {
          found++;
          checkSpan(t, f.start, f.end, f.text, `figure ${JSON.stringify(f)}`);
          expect(finiteOrNull(f.value) && finiteOrNull(f.value_to)).toBe(true);
        }
      }),
      RUNS,
    );
    expect(found, 'the generated texts must contain figures, or the property says nothing').toBeGreaterThan(50);
  });

  it('analyzeText: every figure, duplicate span and defect is a valid span of the text', () => {
    const seen = { figures: 0, duplicates: 0, defects: 0 };
    // paragraphs repeated so that the duplicate detectors have something to find
    const doc = fc.tuple(paragraph, fc.array(text, { maxLength: 4 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 })).map(([a, rest, noise]) => ['', a, ...rest, a + noise.join(''), a, '事实上' + a].join('\n\n'));
    fc.assert(
      fc.property(doc, (t) => {
        const a = analyzeText(t);
        seen.figures += a.figures.length;
        seen.duplicates += a.duplicates.length;
        seen.defects += a.defects.length;
        for (const f of a.figures) checkSpan(t, f.start, f.end, f.text, `figure ${f.text}`);
        for (const d of a.duplicates) {
          for (const s of [d.a, d.b, ...(d.places ?? [])]) checkSpan(t, s.start, s.end, s.text, `duplicate ${d.kind}`);
          expect(d.length).toBeGreaterThanOrEqual(0);
        }
        for (const d of a.defects) checkSpan(t, d.start, d.end, d.text, `defect ${d.kind}`);
      }),
      { numRuns: 200 },
    );
    expect(seen.figures * seen.duplicates * seen.defects, JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it('handles lone surrogates next to numerals and astral characters inside numbers', () => {
    for (const t of ['\ud8001234万元', '12\udc0034%', '𠀀3.5亿元𠀀', '增长5.2%\ud800', '两万\udfff余人', '😀'.repeat(50) + '增长5%', '\ud800'.repeat(1000)]) {
      const a = analyzeText(t);
      for (const f of a.figures) checkSpan(t, f.start, f.end, f.text, t);
      for (const d of a.defects) checkSpan(t, d.start, d.end, d.text, t);
    }
  });
});
