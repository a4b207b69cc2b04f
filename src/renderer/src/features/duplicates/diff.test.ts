import { describe, expect, it } from 'vitest';
import { diffPassages } from './diff';

describe('duplicate diff', () => {
  it('never splits astral characters', () => {
    const a = '召开𠀀会议9次😀，听取报告';
    const b = '召开𠀁会议10次😀，听取报告';
    const parts = diffPassages(a, b);
    const left = parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
    const right = parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
    expect(left).toBe(a);
    expect(right).toBe(b);
    for (const p of parts) expect(p.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
