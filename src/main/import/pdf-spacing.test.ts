import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL, HARD, removeLayoutSpaces } from './pdf-spacing';

const clean = (s: string): string => removeLayoutSpaces(s).text;

describe('removeLayoutSpaces', () => {
  it('joins the characters of a letter-spaced line', () => {
    const r = removeLayoutSpaces('坚 持 党 的 领 导');
    expect(r.text).toBe('坚持党的领导');
    expect(r.counts).toEqual({ letterSpacing: 5, cjkDigit: 0, punctuation: 0 });
    // a justified Hong Kong line: mostly spaced, a few pairs set tight
    expect(clean('館等 構 思 。 鄉 郊 保 育 資 助 計 劃')).toBe('館等構思。鄉郊保育資助計劃');
  });

  it('removes the autospace between Chinese and numbers (LibreOffice, Word)', () => {
    const r = removeLayoutSpaces('一年来，召开常委会会议 9 次，制定、修改地方性法规 3 件');
    expect(r.text).toBe('一年来，召开常委会会议9次，制定、修改地方性法规3件');
    expect(r.counts.cjkDigit).toBe(4);
    expect(clean('——2024 年 3 月 27 日')).toBe('——2024年3月27日');
    expect(clean('增长 8.5% 以上')).toBe('增长8.5%以上');
  });

  it('keeps spaces between digit groups (Hong Kong thousands), between words, and between phrases of a heading', () => {
    expect(clean('超過 3 300 個單位')).toBe('超過3 300個單位');
    expect(clean('總數 1 900 000 人')).toBe('總數1 900 000人');
    expect(clean('GDP grew 5 percent')).toBe('GDP grew 5 percent');
    expect(clean('学习贯彻党的二十大精神 and 习近平')).toBe('学习贯彻党的二十大精神 and 习近平');
    expect(clean('背靠國家 面向世界')).toBe('背靠國家 面向世界');
    expect(clean('记者 梁英杰 王瑞')).toBe('记者 梁英杰 王瑞');
  });

  it('removes spaces beside full-width punctuation and inside brackets', () => {
    expect(clean('寬 減 100%， 每 宗 個 案 以 6,000 元 為 上 限')).toBe('寬減100%，每宗個案以6,000元為上限');
    expect(clean('（ 深 港 科 創 合 作 區 ）')).toBe('（深港科創合作區）');
    expect(clean('( 一 ) 前言')).toBe('(一) 前言');
    expect(clean('(a ) 以付款當日價格計算')).toBe('(a) 以付款當日價格計算');
    expect(clean('二 零 二 二 / 二 三 課 稅 年 度')).toBe('二零二二/二三課稅年度');
    expect(clean('推进 “一带一路” 建设')).toBe('推进“一带一路”建设');
    expect(clean('the “Belt and Road” initiative')).toBe('the “Belt and Road” initiative');
  });

  it('keeps table cells and wide gaps', () => {
    expect(clean(`200,001 元至 300,000 元${CELL}391 000${CELL}3,380 元${CELL}85%`)).toBe('200,001元至300,000元\t391 000\t3,380元\t85%');
    expect(clean(`20,000,001 元或以上${HARD}20,000,001 元或以上`)).toBe('20,000,001元或以上 20,000,001元或以上');
    // a wide gap in a spaced-out title goes too when every pair is spaced
    expect(clean(`目${HARD}录`)).toBe('目 录');
    expect(clean(`工 作${HARD}报 告`)).toBe('工作报告');
  });

  it('rejoins numbers spaced like the characters of a letter-spaced line, and numbers cut around a thousands comma', () => {
    expect(clean('一 年 上 升 2 5 % ， 下 降 1 5 %')).toBe('一年上升25%，下降15%');
    expect(clean('約 為 5 ,4 4 0 億 元')).toBe('約為5,440億元');
    expect(clean('承擔額約5,4 40億元')).toBe('承擔額約5,440億元');
    // not in a letter-spaced line: single digits stay apart; a full group after a comma too
    expect(clean('第 1 2 屆')).toBe('第1 2屆');
    expect(clean('合共6,130 000元')).toBe('合共6,130 000元');
  });

  it('property: never changes, adds or drops anything but layout whitespace, keeps cells, and leaves lines without spaces alone', () => {
    const alphabet = fc.constantFrom(...Array.from('的国年3 0，。（）、%.,aZ\t一二'), ' ', ' ', HARD);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const line = chars.join('');
        const out = removeLayoutSpaces(line);
        const strip = (s: string): string => s.replace(/[ \t\uFDD0]/g, '');
        expect(strip(out.text)).toBe(strip(line));
        expect(out.text.split('\t').length).toBe(line.split('\t').length);
        expect(out.text.includes(HARD)).toBe(false);
        const removed = line.replace(/[^ \uFDD0]/g, '').length - out.text.replace(/[^ ]/g, '').length;
        expect(out.counts.letterSpacing + out.counts.cjkDigit + out.counts.punctuation).toBe(removed);
        // spaces between Latin letters are never layout
        for (const m of line.matchAll(/[aZ][ ](?=[aZ])/g)) expect(out.text).toContain(m[0].replace(HARD, ' '));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const t = s.replace(/[ \uFDD0]/g, '');
        expect(removeLayoutSpaces(t)).toEqual({ text: t, counts: { letterSpacing: 0, cjkDigit: 0, punctuation: 0 } });
      }),
    );
  });

  it('metamorphic: letter-spacing a line of Chinese, punctuation and digits is undone exactly', () => {
    const token = fc.constantFrom(...Array.from('政府工作报告会议次年月日亿元，。、：；（）《》“”0123456789'));
    fc.assert(
      fc.property(fc.array(token, { minLength: 2, maxLength: 50 }), (chars) => {
        const text = chars.join('');
        const hanPairs = [...text.matchAll(/(?=\p{Script=Han}\p{Script=Han})/gu)].length;
        fc.pre(hanPairs >= 2);
        expect(clean(chars.join(' '))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
