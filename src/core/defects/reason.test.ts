import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { changedMarks, defectReason, fixSamples, isReportWide, reportWideCount } from './reason';

const defectsOf = (text: string) => analyzeText(text).defects;

describe('defectReason: a code and parameters for every defect the detectors make', () => {
  const samples: [string, string][] = [
    ['foreign_token', '\n\n深入学习贯彻党的二十大精神 and 习近平总书记重要讲话精神。\n'],
    ['markup.md_bold', '\n\n全年完成**固定资产投资**增长5%。\n'],
    ['markup.html_entity', '\n\n全年完成固定资产&nbsp;投资增长5%。\n'],
    ['markup.html_tag', '\n\n全年完成<br>固定资产投资增长5%。\n'],
    ['caption.picture', '\n\n全年完成固定资产投资增长5%，经济运行稳中向好。\n\n图为市民在广场休闲\n\n各项事业全面发展，人民生活持续改善。\n'],
    ['caption.byline', '\n\n全年完成固定资产投资增长5%，经济运行稳中向好。\n\n本报记者 张三 李四\n\n各项事业全面发展，人民生活持续改善。\n'],
    ['punct.mark', '\n\n全年完成固定资产投资增长5%，经济运行稳中向好,人民生活持续改善。\n'],
  ];
  for (const [code, text] of samples) {
    it(`${code}`, () => {
      const found = defectsOf(text).map(defectReason);
      expect(found.map((r) => r.code)).toContain(code);
    });
  }

  it('a report written in half-width punctuation: one report-wide finding, counted', () => {
    const para = '全年完成固定资产投资增长5%,经济运行稳中向好;人民生活持续改善,社会大局和谐稳定。';
    const text = `\n\n${para}\n\n${para}\n\n${para}\n\n${para}\n`;
    const [d] = defectsOf(text).filter((x) => x.kind === 'mixed_punctuation');
    expect(isReportWide(d)).toBe(true);
    expect(defectReason(d)).toEqual({ code: 'punct.report', params: { count: 12 } });
    // three samples, each one mark made full-width, not the whole text
    const s = fixSamples(d);
    expect(s).toHaveLength(3);
    for (const x of s) {
      expect([',', ';']).toContain(x.from);
      expect(['，', '；']).toContain(x.to);
      expect([...x.before].length).toBeLessThanOrEqual(8);
    }
  });

  it('no reason hands on English words', () => {
    const texts = [...samples.map((s) => s[1]), '\n\n全年召开会议9次,审议法规4件;听取报告(专项)12个!\n'];
    for (const t of texts) for (const d of defectsOf(t)) for (const v of Object.values(defectReason(d).params)) if (typeof v === 'string' && d.kind !== 'foreign_token' && d.kind !== 'markup_residue') expect(v).not.toMatch(/[A-Za-z]{3}/);
  });

  it('an unknown note gives the kind\'s reason, never the note', () => {
    expect(defectReason({ kind: 'caption', start: 0, end: 1, text: 'x', replacement: '', note: 'some new English note' })).toEqual({ code: 'kind.caption', params: {} });
  });

  it('property: the marks counted are the characters the fix changes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('中', '文', ',', ';', ':', '(', ')'), { minLength: 1, maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const full: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
        const replacement = chars.map((c) => full[c] ?? c).join('');
        const n = chars.filter((c) => c in full).length;
        expect(changedMarks({ text, replacement })).toHaveLength(n);
        expect(fixSamples({ text, replacement }).length).toBe(Math.min(3, n));
      }),
    );
  });
});

describe('a hard-wrapped report', () => {
  // text copied out of a PDF: a line break at the end of every printed line, inside sentences
  const sentence = '今年以来，全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，经济运行持续回升向好，各项事业取得新的进展。';
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const s = sentence.replace('今年', `第${i + 1}年`);
    lines.push(s.slice(0, 25), s.slice(25, 50), s.slice(50));
  }
  const text = `\n\n${lines.join('\n')}\n`;
  const wrap = defectsOf(text).find((d) => d.kind === 'broken_paragraph' && d.replacement !== null && d.end - d.start > 1000);

  it('is one report-wide finding, counted by its joins, with samples of the joins', () => {
    expect(wrap, 'the detectors find one hard-wrap finding').toBeDefined();
    const d = wrap!;
    expect(isReportWide(d)).toBe(true);
    const joins = d.text.length - d.replacement!.length;
    expect(joins).toBeGreaterThan(40);
    expect(defectReason(d)).toEqual({ code: 'broken_paragraph.hardWrap', params: { count: joins } });
    expect(reportWideCount(d)).toBe(joins);
    const s = fixSamples(d);
    expect(s).toHaveLength(3);
    for (const x of s) {
      expect(x.from).toBe('\n');
      expect(x.to).toBe('');
      expect([...x.before].length).toBeLessThanOrEqual(8);
    }
  });
});
