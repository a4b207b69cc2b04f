// The faster forms of metric helpers (bench/analyze) against the plain forms they replace:
// the same result for every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_MARKER, SentenceEnds, cleanMetric, hasInnerSpace, insideTitle, listMarkerAt } from './metric';

/** The cut as first written: s.lastIndexOf per mark, each in what the one before left. */
function insideTitlePlain(s: string): string {
  for (const [open, close] of [['《', '》'], ['“', '”'], ['「', '」']] as const) {
    const o = s.lastIndexOf(open);
    if (o >= 0 && o > s.lastIndexOf(close)) s = s.slice(o + 1);
  }
  return s;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '\n']);
const pieces = ['《', '》', '“', '”', '「', '」', '数', '量', '。', '！', '？', '!', '?', '\n', '，', ' ', '\u3000', 'a', '1'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join(''));

describe('metric helpers', () => {
  it('insideTitle cuts as lastIndexOf per mark does', () => {
    fc.assert(fc.property(text, (s) => {
        expect(insideTitle(s)).toBe(insideTitlePlain(s));
      }), { numRuns: 3000 });
    expect(insideTitle('关于《政府工作报告》的“三个')).toBe('三个');
    expect(insideTitle('《中华人民共和国')).toBe('中华人民共和国');
  });

  it('listMarkerAt finds what LIST_MARKER.exec finds, for strings starting with any UTF-16 unit', () => {
    const tails = ['', '1.', '2、', '十、', '二）', '）', ')', '.', '、', '・ 預計', '1', '十', '３．', '(1)', ' 政府'];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      for (const t of tails) {
        const s = String.fromCharCode(c) + t;
        const fast = listMarkerAt(s)?.[0] ?? null;
        const plain = LIST_MARKER.exec(s)?.[0] ?? null;
        if (fast !== plain) expect(`${JSON.stringify(s)}: ${fast}`).toBe(plain);
      }
    }
    fc.assert(fc.property(fc.array(fc.constantFrom('1', '2', '.', '．', '、', '（', '）', '(', ')', '一', '十', '・', '●', ' ', '\u3000', '政', '府'), { maxLength: 12 }).map((a) => a.join('')), (s) => {
      expect(listMarkerAt(s)?.[0] ?? null).toBe(LIST_MARKER.exec(s)?.[0] ?? null);
    }), { numRuns: 3000 });
    expect(listMarkerAt('30. 政府')?.[0]).toBe('30. ');
    expect(listMarkerAt('（二）推进')?.[0]).toBe('（二）');
    expect(listMarkerAt('政府30.')).toBeNull();
  });

  it('hasInnerSpace is the test of /[\\s\\u3000\\u2009\\u202f]/ for every UTF-16 unit', () => {
    const re = /[\s\u3000\u2009\u202f]/;
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (hasInnerSpace(s) !== re.test(s)) expect(`U+${c.toString(16)}`).toBe('the same as the expression');
    }
    expect(hasInnerSpace('工作\u2009报告')).toBe(true);
    expect(hasInnerSpace('工作报告')).toBe(false);
  });

  it('SentenceEnds.from gives the first sentence end at or after each offset, offsets ascending', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(70), { maxLength: 20 }), (s, offsets) => {
        const ends = new SentenceEnds(s);
        for (const p of [...offsets].sort((a, b) => a - b)) {
          let j = p;
          while (j < s.length && !SENTENCE_END.has(s[j])) j++;
          expect(ends.from(p)).toBe(j < s.length ? j : Infinity);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanMetric drops what is not the metric at its start', () => {
  it.each([
    ['30. 政府將投放', '政府將投放'],
    ['（二）城鎮新增就業', '城鎮新增就業'],
    ['・預計表演場地的每年平均入場人次', '預計表演場地的每年平均入場人次'],
    ['（增幅', '增幅'],
    ['基本工資月薪調整為新臺幣', '基本工資月薪調整'],
  ])('%s → %s', (raw, want) => {
    expect(cleanMetric(raw)).toBe(want);
  });
  it('keeps a decimal, a closed bracket and a lone marker', () => {
    expect(cleanMetric('1.5倍增長')).toBe('1.5倍增長');
    expect(cleanMetric('（含港澳）居民')).toBe('（含港澳）居民');
  });
});
