import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDuplicates, analyzeFiguresAndDefects, analyzeInParts, analyzeText, capFindings, MAX_FINDINGS_PER_KIND } from './analyze';
import type { AnalysisCapped, Defect, Duplicate } from './schema';

const report = (n: number): string => Array.from({ length: n }, (_, i) => `第${i + 1}项：全年粮食产量增长${(i % 9) + 1}.5%，新建学校${i + 3}所。`).join('\n\n');

describe('findings capped per kind', () => {
  it('keeps the first figures in reading order and says how many it kept when a report has more', () => {
    const text = report(12);
    const whole = analyzeText(text);
    expect(whole.figures.length).toBeGreaterThanOrEqual(24);
    expect(whole.capped).toBeUndefined();
    const cut = analyzeText(text, { maxPerKind: 10 });
    expect(cut.figures).toEqual(whole.figures.slice(0, 10)); // same values, nothing re-read
    expect(cut.capped).toEqual({ figures: 10 });
    // the other kinds are within the limit and untouched
    expect(cut.duplicates).toEqual(whole.duplicates);
    expect(cut.defects).toEqual(whole.defects);
  });

  it('exactly the limit is not a cut (no notice where nothing was left out)', () => {
    const text = report(5);
    const n = analyzeText(text).figures.length;
    const a = analyzeText(text, { maxPerKind: n });
    expect(a.figures.length).toBe(n);
    expect(a.capped).toBeUndefined();
    expect(analyzeText(text, { maxPerKind: n - 1 }).capped).toEqual({ figures: n - 1 });
  });

  it('every entry point cuts the same way and reports it', () => {
    const text = report(8) + '\n\n' + report(8); // duplicated paragraphs too
    const all = analyzeText(text, { maxPerKind: 3 });
    const parts: Record<string, unknown> = {};
    const capped = analyzeInParts(text, { maxPerKind: 3 }, (k, p) => void (parts[k] = p));
    expect(parts).toEqual({ figures: all.figures, duplicates: all.duplicates, defects: all.defects });
    expect(capped).toEqual(all.capped);
    const fd = analyzeFiguresAndDefects(text, { maxPerKind: 3 });
    const dupCapped: AnalysisCapped = {};
    const dup = analyzeDuplicates(text, { maxPerKind: 3 }, dupCapped);
    expect({ figures: fd.figures, duplicates: dup, defects: fd.defects }).toEqual({ figures: all.figures, duplicates: all.duplicates, defects: all.defects });
    expect({ ...fd.capped, ...dupCapped }).toEqual(all.capped);
    expect(all.capped?.figures).toBe(3);
    expect(all.capped?.duplicates).toBe(3);
  });

  it('for any text and limit: the kept findings are the first ones of the whole analysis, and a cut is always reported', () => {
    const pieces = ['增长5%', '共12个', '。', '\n\n', '第三季度', '1,234亿元', '约3成', '会议', '“十四五”', ' ', '2024年', '下降0.3个百分点'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (words, limit) => {
        const text = words.join('');
        const whole = analyzeText(text);
        const cut = analyzeText(text, { maxPerKind: limit });
        for (const kind of ['figures', 'duplicates', 'defects'] as const) {
          const over = whole[kind].length > limit;
          expect(cut.capped?.[kind]).toBe(over ? limit : undefined);
          expect(cut[kind].length).toBe(Math.min(limit, whole[kind].length));
          if (!over) expect(cut[kind]).toEqual(whole[kind]);
          else for (const f of cut[kind] as unknown[]) expect(whole[kind]).toContainEqual(f);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('orders duplicates and defects by where they start (the copy of a duplicate) before cutting', () => {
    const span = (s: number) => ({ start: s, end: s + 2, text: 'xx' });
    const dups: Duplicate[] = [30, 10, 20].map((s) => ({ kind: 'exact_paragraph', a: span(0), b: span(s), length: 2 }));
    const capped: AnalysisCapped = {};
    expect(capFindings('duplicates', dups, 2, capped).map((d) => d.b.start)).toEqual([10, 20]);
    const defects: Defect[] = [9, 3, 5].map((s) => ({ kind: 'caption', start: s, end: s + 1, text: 'x', replacement: null }));
    expect(capFindings('defects', defects, 2, capped).map((d) => d.start)).toEqual([3, 5]);
    expect(capped).toEqual({ duplicates: 2, defects: 2 });
    expect(dups.map((d) => d.b.start)).toEqual([30, 10, 20]); // the detector's list is not changed
  });

  it('the default limit is far above a real report (≈15,000 figures per million characters)', () => {
    expect(MAX_FINDINGS_PER_KIND).toBeGreaterThanOrEqual(100_000);
  });
});
