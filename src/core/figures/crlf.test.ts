/**
 * CRLF text (GBK district reports, Windows files): offsets are code points of the text as it
 * is given, \r included. Metamorphic: the findings of a text with \r\n line ends are those of
 * the same text with \n, each shifted by the \r before it, quoting the same characters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { detectFigures } from './index';
import { PROBES } from './probes.testdata';

const dir = join(__dirname, '../../../resources/samples');
const reports = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n'));

/** LF offset → CRLF offset (code points): one more for every line break before it. */
function shifter(lf: string): (o: number) => number {
  const cps = Array.from(lf);
  const before = new Int32Array(cps.length + 1);
  for (let i = 0; i < cps.length; i++) before[i + 1] = before[i] + (cps[i] === '\n' ? 1 : 0);
  return (o) => o + before[o];
}

const quote = (cps: string[], s: number, e: number): string => cps.slice(s, e).join('');

describe('CRLF ↔ LF', () => {
  it('figures of the sample reports: same readings, offsets shifted by the \\r before them, quoting the text', () => {
    for (const lf of reports) {
      const crlf = lf.replace(/\n/g, '\r\n');
      const shift = shifter(lf);
      const a = detectFigures(lf);
      const b = detectFigures(crlf);
      const cps = Array.from(crlf);
      expect(b.map((f) => [f.kind, f.value, f.value_to, f.unit, f.approx, f.metric])).toEqual(a.map((f) => [f.kind, f.value, f.value_to, f.unit, f.approx, f.metric]));
      b.forEach((f, i) => {
        expect(quote(cps, f.start, f.end)).toBe(f.text);
        expect(f.start).toBe(shift(a[i].start));
        expect(f.text.replace(/\r/g, '')).toBe(a[i].text);
      });
    }
  });

  it('defects and duplicates of the sample reports: same kinds, shifted spans', () => {
    let compared = 0;
    for (const lf of reports.slice(0, 3)) {
      const crlf = lf.replace(/\n/g, '\r\n');
      const shift = shifter(lf);
      const a = analyzeText(lf);
      compared += a.defects.length + a.duplicates.length;
      const b = analyzeText(crlf);
      expect(b.defects.map((d) => [d.kind, d.start])).toEqual(a.defects.map((d) => [d.kind, shift(d.start)]));
      expect(b.duplicates.map((d) => [d.kind, d.a.start, d.b.start])).toEqual(a.duplicates.map((d) => [d.kind, shift(d.a.start), shift(d.b.start)]));
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('a one-character defect after CRLF lines stands where the file has it (GBK report: 全面开工,三条)', () => {
    const text = '　　城市宜居水平显著提升。\r\n　　海拉尔东山组团建设全面开工,三条主干道路建成通车。\r\n';
    const comma = Array.from(text).indexOf(',');
    const d = analyzeText(text).defects.find((x) => x.kind === 'mixed_punctuation');
    expect(d).toMatchObject({ start: comma, end: comma + 1, text: ',' });
  });

  it('any probe paragraph with random line ends, CRLF or LF, keeps its figures (fast-check)', () => {
    const paras = PROBES.map((p) => p.text).filter((t) => t.length > 20);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paras.length - 1 }), fc.uniqueArray(fc.nat(), { maxLength: 3 }), (i, cuts) => {
        const cps = Array.from(paras[i]);
        // line breaks after sentence ends only (a break elsewhere may be a paragraph end that changes the reading)
        const ends = cps.map((c, k) => (c === '。' || c === '；' ? k + 1 : -1)).filter((k) => k > 0 && k < cps.length);
        if (!ends.length) return;
        const at = new Set(cuts.map((c) => ends[c % ends.length]));
        const lf = cps.map((c, k) => (at.has(k + 1) ? c + '\n' : c)).join('');
        const crlf = lf.replace(/\n/g, '\r\n');
        const key = (t: string) => detectFigures(t).map((f) => [f.kind, f.value, f.unit, f.text.replace(/\r/g, '')]);
        expect(key(crlf)).toEqual(key(lf));
      }),
      { numRuns: 300 },
    );
  });
});
