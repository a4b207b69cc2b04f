import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpSlice } from '../text';
import { splitParagraphs } from '../text';
import { detectDuplicates } from '.';

/** "offset:text|offset:text" of the first doubled `unit` in text (BMP test strings) */
const at = (text: string, unit: string): string => {
  const i = text.indexOf(unit + unit);
  return `${i}:${unit}|${i + unit.length}:${unit}`;
};
const repeats = (text: string): string[] =>
  detectDuplicates(text, splitParagraphs(text)).filter((d) => d.kind === 'repeated_word').map((d) => `${d.a.start}:${d.a.text}|${d.b.start}:${d.b.text}`);

describe('repeated_word', () => {
  it('flags a doubled word with exact spans', () => {
    const t1 = '完善人大财经监督机制，听取审计审计工作报告。';
    expect(repeats(t1)).toEqual(['13:审计|15:审计']);
    expect(at(t1, '审计')).toBe('13:审计|15:审计');
    const t2 = '听取控告申诉检察工作情况情况的报告。';
    expect(repeats(t2)).toEqual([at(t2, '情况')]);
    const t3 = '对耕地保护和粮食安全安全工作实施监督。';
    expect(repeats(t3)).toEqual([at(t3, '安全')]);
  });

  it('flags a doubled single character that forms no word', () => {
    const t = '得到新华社、人民日报报等媒体的广泛关注。';
    expect(repeats(t)).toEqual(['9:报|10:报']);
    expect(at(t, '报')).toBe('9:报|10:报');
  });

  it('flags a doubled particle unless a word takes one of the two', () => {
    const t = '审议了计划执行情况的的报告。';
    expect(repeats(t)).toEqual([at(t, '的')]);
    for (const ok of ['为了达到目的的手段。', '包括立法、监督等等工作。', '问题不了了之。', '我们说了了解情况。', '是是非非要分清。', '的的确确如此。', '每每想到这里。']) expect(repeats(ok), ok).toEqual([]);
  });

  it('leaves legitimate reduplication alone', () => {
    const legit = [
      '机关干部时时放心不下，常常深入基层，人人参与，天天坚持，年年进步，步步为营，个个争先。',
      '家家户户都参加了活动，大家紧紧围绕中心，牢牢把握方向，实实在在办事。',
      '我们要研究研究这个问题，再讨论讨论，然后商量商量。',
      '深入学习习近平新时代中国特色社会主义思想，发展全过程人民民主，加强宪法法律实施。',
      '召开常委会会议9次，实施“十四五”规划，一个一个地解决，一步一步推进。',
      '这的的确确是我们的目的的所在，人民日报报道了此事。',
      '饮用水水源保护条例，以钉钉子精神抓落实，等等。',
      '哈哈哈，我们是是非非分得清。',
    ];
    for (const t of legit) expect(repeats(t), t).toEqual([]);
  });

  it('works in Traditional Chinese', () => {
    // 審計 is outside the (simplified) lexicon, but stands elsewhere in the text undoubled
    const t = '聽取審計審計工作報告，審計結果良好。';
    expect(repeats(t)).toEqual([at(t, '審計')]);
    // 習近平 stands elsewhere: 學習習近平 is two words
    expect(repeats('深入學習習近平新時代思想，習近平總書記指出。時時放心不下。')).toEqual([]);
  });

  it('looks Traditional words up in the Simplified word lists (folded)', () => {
    // each doubled word stands once only: only the lexicon can tell it is a word
    const t = '常委會聽取審議了審計審計工作報告，加強監督監督。';
    expect(repeats(t)).toEqual([at(t, '審計'), at(t, '監督')]);
    // legitimate reduplication and words across the seam, in Traditional characters
    expect(repeats('我們要時時放心不下，常常自省，人人參與，個個爭先，步步為營，深入學習習近平總書記講話。')).toEqual([]);
  });
});

describe('repeated_word: any doubled run of one to four characters', () => {
  it('flags a doubled run that is no word (a cursor slip), with exact spans', () => {
    const t1 = '这充分说明了法治建设的重要的重要意义。';
    expect(repeats(t1)).toEqual([at(t1, '的重要')]);
    const t2 = '常委会会议召会议召开前，听取了意见。';
    expect(repeats(t2)).toEqual([at(t2, '会议召')]);
    const t3 = '全面加强预算审查预算审查监督工作。';
    expect(repeats(t3)).toEqual([at(t3, '预算审查')]);
    // a run longer than four characters doubled is not looked at (a unit of five or more is rarely a slip)
    expect(repeats('全面加强预算审查监督预算审查监督工作。')).toEqual([]);
    // the unit is the phase that starts with a word (审计), not 计审
    const t4 = '听取审计审计工作报告。';
    expect(repeats(t4)).toEqual(['2:审计|4:审计']);
  });

  it('leaves legitimate reduplication and juxtaposition alone', () => {
    const legit = [
      '三三两两，一一对应，万万不可，多多益善，点点滴滴，方方面面，家家户户，实实在在，扎扎实实。',
      '一年一年地坚持，一代一代传下去，一茬一茬接续，一步一步走了过来，的的确确如此，是是非非要分清。',
      '大家看看，想想，再检查检查，准备准备，总结总结，商量商量。',
      '推进市属高校一校一策分类提升，开展一村一品。',
      '举办大湾区博士博士后创新创业大赛，大学生学生会换届。',
      '香港在世界人才排名節節上升，優化高中中史課程。',
      '召开常委会会议9次，他的的确是好人，学习习近平新时代中国特色社会主义思想。',
      '2020年，编号1111，AAAA，。。。，——，哈哈哈，的重要的重要的重要。',
      '成都都市圈发展能级提升，首都都市圈，埃及及秘鲁，经过过去几十年，人民民主。',
      '供“歇歇脚、喝喝水、热热饭、充充电、避避暑、取取暖”服务，列出问题；等等。',
    ];
    for (const t of legit) expect(repeats(t), t).toEqual([]);
  });

  it('gives a bounded number of findings on degenerate text', () => {
    // one character, one word, one three-character run repeated: a run, not a slip
    for (const unit of ['会', '会议', '的重要', '审计工作', '一', '报']) expect(repeats(unit.repeat(30_000)), unit).toEqual([]);
    // a doubled word in every sentence: one finding per sentence
    const sentence = '听取审计审计工作报告。';
    const found = repeats(sentence.repeat(2_000));
    expect(found).toHaveLength(2_000);
    expect(found[1]).toBe(`${sentence.length + 2}:审计|${sentence.length + 4}:审计`);
    // the same, letter-spaced
    expect(repeats('会 '.repeat(30_000))).toEqual([]);
    expect(repeats('审 计 审 计 工 作 。\n'.repeat(1_000))).toHaveLength(1_000);
  });
});

describe('repeated_word: Traditional Chinese', () => {
  it('flags a doubled run and leaves reduplication and juxtaposition alone, looked up folded', () => {
    const t = '常委會會議召會議召開前，聽取了意見。';
    expect(repeats(t)).toEqual([at(t, '會議召')]);
    const u = '這充分說明了法治建設的重要的重要意義。';
    expect(repeats(u)).toEqual([at(u, '的重要')]);
    for (const ok of ['推廣督導委員會會繼續以多元方式推廣。', '香港在世界人才排名節節上升。', '舉辦大灣區博士博士後創新創業大賽。', '我們要研究研究，再討論討論。', '一個一個地解決，家家戶戶都參加。']) expect(repeats(ok), ok).toEqual([]);
  });
});

describe('repeated_word: letter-spaced text (PDF text layers)', () => {
  it('finds a doubled word across the spaces, with both halves as they stand', () => {
    const t = '聽 取 審 計 審 計 工 作 報 告 ， 加 強 監 督 。\n香 港 在 世 界 人 才 排 名 節 節 上 升 。';
    const found = detectDuplicates(t, splitParagraphs(t)).filter((d) => d.kind === 'repeated_word');
    expect(found.map((d) => [d.a.start, d.a.text, d.b.start, d.b.text, d.length])).toEqual([[4, '審 計', 8, '審 計', 2]]);
  });

  it('does not join words apart by a space in ordinary text', () => {
    expect(repeats('项目 合计 合计 金额\n审计 审计工作')).toEqual([]);
  });
});

describe('repeated_word: which phase of a doubled run', () => {
  it('takes the phase that starts with a word', () => {
    const t = '加强会计审计审计工作。';
    expect(repeats(t)).toEqual([at(t, '审计')]);
    const u = '会议召开议召开前，听取意见。';
    expect(repeats(u)).toEqual([at(u, '议召开')]);
    // two characters that start no word meet by chance: 有的 + 的人 + 人生
    expect(repeats('有的人的人生很精彩，会议召议召开。')).toEqual([]);
  });
});

describe('repeated_word: properties', () => {
  const han = /^\p{Script=Han}+$/u;
  const unitArb = fc.array(fc.constantFrom('会', '议', '审', '计', '的', '重', '要', '𠀀', '報', '一', '。', '，', '1', ' ', '\n'), { minLength: 1, maxLength: 120 }).map((a) => a.join(''));

  it('each finding is a unit of 1-4 Han characters followed by itself (spaces apart only in letter-spaced text), none overlapping', () => {
    fc.assert(
      fc.property(unitArb, (text) => {
        const found = detectDuplicates(text, splitParagraphs(text)).filter((d) => d.kind === 'repeated_word');
        let end = -1;
        for (const d of found) {
          const unit = d.a.text.replace(/ /g, '');
          expect(d.b.text.replace(/ /g, '')).toBe(unit);
          expect(cpSlice(text, d.a.start, d.a.end)).toBe(d.a.text);
          expect(cpSlice(text, d.b.start, d.b.end)).toBe(d.b.text);
          expect(cpSlice(text, d.a.end, d.b.start)).toMatch(/^ ?$/);
          expect(d.length).toBe([...unit].length);
          expect(d.length >= 1 && d.length <= 4 && han.test(unit)).toBe(true);
          expect(d.a.start).toBeGreaterThanOrEqual(end);
          end = d.b.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a run written three times or more is never a finding, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.constantFrom('会', '审计', '的重要', '会议召开', '報'), fc.integer({ min: 3, max: 6 }), unitArb, unitArb, (unit, k, left, right) => {
        const text = `${left}。${unit.repeat(k)}。${right}`;
        const runStart = [...left].length + 1;
        const runEnd = runStart + [...unit].length * k;
        const found = detectDuplicates(text, splitParagraphs(text)).filter((d) => d.kind === 'repeated_word' && d.a.start < runEnd && d.b.end > runStart);
        expect(found).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
