import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixEdits, fixEdits } from './fix-edits';

describe('fixEdits', () => {
  it('finds the joined line breaks of a hard-wrapped text, one edit each', () => {
    const text = '加强生态文明建设。用法治的力量\n保护生态环境和自然资源，组织开展年度\n环境状况和环境保护目标任务完成情况。\n下一段';
    const fix = text.replace(/\n(?!下)/g, '');
    const edits = fixEdits(text, fix);
    expect(edits).toEqual([
      { at: text.indexOf('\n'), del: 1, ins: '' },
      { at: text.indexOf('\n', text.indexOf('\n') + 1), del: 1, ins: '' },
    ]);
    expect(applyFixEdits(text, edits)).toBe(fix);
  });

  it('gives back the fix exactly for any text and fix (property)', () => {
    // a fix made of small edits of the text, and an unrelated fix: both come back exactly
    const chars = fc.constantFrom('的', '，', '。', '\n', 'a', ' ', '1', '𠀀', '年');
    const str = fc.array(chars, { maxLength: 120 }).map((a) => a.join(''));
    const edited = str.chain((text) =>
      fc.array(fc.tuple(fc.nat(Math.max(0, text.length)), fc.nat(3), str.map((s) => s.slice(0, 3))), { maxLength: 6 }).map((ops) => {
        let fix = text;
        for (const [at, del, ins] of ops) {
          const p = Math.min(at, fix.length);
          fix = fix.slice(0, p) + ins + fix.slice(p + del);
        }
        return [text, fix] as const;
      }),
    );
    fc.assert(fc.property(fc.oneof(edited, fc.tuple(str, str)), ([text, fix]) => {
      const edits = fixEdits(text, fix);
      expect(applyFixEdits(text, edits)).toBe(fix);
      // ascending and inside the text
      let last = 0;
      for (const e of edits) {
        expect(e.at).toBeGreaterThanOrEqual(last);
        expect(e.at + e.del).toBeLessThanOrEqual(text.length);
        last = e.at + e.del;
      }
    }), { numRuns: 500 });
  });

  it('has no edit when the fix is the text', () => {
    expect(fixEdits('不变的文本', '不变的文本')).toEqual([]);
  });
});
