/**
 * Hand-checked probes of Hong Kong, Macau and Taiwan conventions and of PDF text layers
 * (probes.testdata.ts): every figure with its kind, value, unit and qualifier, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { detectFigures } from './index';
import { PROBES, type Expected } from './probes.testdata';

const row = (f: Figure): Expected => {
  const r: Expected = [f.text, f.kind, f.value, f.unit, f.approx];
  if (f.kind === 'range') r.push(f.value_to ?? undefined);
  return r;
};

describe('probes of real-world text', () => {
  for (const p of PROBES) {
    it(`${p.region}: ${p.text.replace(/\n/g, '⏎').slice(0, 40)}…`, () => {
      const figs = detectFigures(p.text).filter((f) => f.kind !== 'name');
      expect(figs.map(row)).toEqual(p.figures.map(([t, k, v, u, a, to]) => (k === 'range' ? [t, k, v, u, a, to] : [t, k, v, u, a])));
      for (const s of p.absent ?? []) expect(figs.map((f) => f.text), s).not.toContain(s);
    });
  }
});
