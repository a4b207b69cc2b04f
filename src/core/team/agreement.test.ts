import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FigureKind } from '../schema';
import type { ReviewStatus } from '../store-schema';
import { agreementMatrix, computeAgreement, matchFindings, type DocumentLayers } from './agreement';
import { PairAlpha, krippendorffAlpha } from './alpha';
import { eff, figureFinding, rng } from './testing';

describe('krippendorffAlpha: textbook cases', () => {
  it('two coders, binary data (Krippendorff 2011, example A): 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlpha(a.map((v, i) => [v, b[i]!]), 'nominal');
    expect(r.alpha).toBeCloseTo(0.095, 3);
    expect(r.values).toBe(20);
  });

  // Krippendorff 2011, example C (also on Wikipedia): 4 coders, 12 units, missing values
  const C: (number | null)[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = C[0]!.map((_, u) => C.map((row) => row[u]).filter((v): v is number => v !== null));
  it('four coders with missing values (example C): nominal 0.743, interval 0.849', () => {
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'interval').alpha).toBeCloseTo(0.849, 3);
    // unit 12 has one value: not pairable
    expect(krippendorffAlpha(units, 'nominal').units).toBe(11);
  });

  it('is undefined without variation or without pairs, 1 for perfect agreement with variation', () => {
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']], 'nominal').alpha).toBeNull();
    expect(krippendorffAlpha([['a'], ['b']], 'nominal').alpha).toBeNull();
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b']], 'nominal').alpha).toBe(1);
    expect(krippendorffAlpha([[0.1, 0.1, 0.1]], 'interval').alpha).toBeNull();
  });

  it('interval alpha keeps differences among values in the billions (centred sums)', () => {
    const base = 1e12;
    const r = krippendorffAlpha([[base + 1, base + 1], [base + 3, base + 3], [base + 5, base + 6]], 'interval');
    const s = krippendorffAlpha([[1, 1], [3, 3], [5, 6]], 'interval');
    expect(r.alpha).toBeCloseTo(s.alpha!, 9);
  });
});

describe('PairAlpha (streaming, mergeable) equals the batch alpha', () => {
  it('for any pairs, split anywhere and merged (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { maxLength: 40 }), fc.nat(), fc.double({ min: -1e12, max: 1e12, noNaN: true }), (pairs, cut, shift) => {
        for (const metric of ['nominal', 'interval'] as const) {
          const vals = pairs.map(([x, y]) => (metric === 'nominal' ? [`v${x}`, `v${y}`] : [x * 1000 + shift, y * 1000 + shift]) as [string | number, string | number]);
          const k = vals.length ? cut % (vals.length + 1) : 0;
          const left = new PairAlpha(metric);
          const right = new PairAlpha(metric);
          vals.slice(0, k).forEach(([x, y]) => left.add(x, y));
          vals.slice(k).forEach(([x, y]) => right.add(x, y));
          left.merge(right);
          const want = krippendorffAlpha(vals, metric);
          const got = left.result();
          expect(got.units).toBe(want.units);
          if (want.alpha === null) expect(got.alpha).toBeNull();
          else expect(got.alpha).toBeCloseTo(want.alpha, 6);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchFindings: the matching rule', () => {
  it('matches by the largest overlap, one-to-one, and the same id first', () => {
    const a = eff(figureFinding(0, 10), 'accepted');
    const b1 = eff(figureFinding(0, 3), 'accepted');
    const b2 = eff(figureFinding(2, 10, 'count', 1, '个', 'man:2-10:1'), 'accepted');
    expect(matchFindings([a], [b1, b2]).map((m) => m.b.id)).toEqual([b2.id]);
    // the same id wins over a larger overlap
    const same = eff(figureFinding(0, 10, 'count', 1, '个', 'man:0-10:x'), 'accepted');
    const bigger = eff(figureFinding(0, 10), 'accepted');
    const other = eff(figureFinding(0, 9, 'count', 1, '个', 'man:0-10:x'), 'accepted');
    expect(matchFindings([same], [bigger, other]).map((m) => m.b.start)).toEqual([0]);
    expect(matchFindings([same], [bigger, other])[0]!.b.end).toBe(9);
  });

  it('the same finding at the same empty span (an insertion point) matches itself', () => {
    const f = eff(figureFinding(7, 7), 'accepted');
    expect(matchFindings([f], [eff(figureFinding(7, 7), 'rejected')])).toHaveLength(1);
    expect(matchFindings([f], [eff(figureFinding(7, 7, 'count', 1, '个', 'man:7-7:x'), 'accepted')])).toHaveLength(0);
  });

  it('never matches touching spans or different finding types', () => {
    expect(matchFindings([eff(figureFinding(0, 5), 'accepted')], [eff(figureFinding(5, 9), 'accepted')])).toEqual([]);
  });

  it('the sweep finds the same matching as trying every pair (property)', () => {
    const arbFig = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), fc.boolean()).map(([s, len, man]) => eff(figureFinding(s, s + len, 'count', 1, '个', man ? `man:${s}-${s + len}:m` : undefined), 'accepted'));
    const dedupe = (xs: ReturnType<typeof eff>[]) => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i);
    fc.assert(
      fc.property(fc.array(arbFig, { maxLength: 12 }).map(dedupe), fc.array(arbFig, { maxLength: 12 }).map(dedupe), (as, bs) => {
        const got = matchFindings(as, bs);
        // reference: same id first, then every overlapping pair sorted by the rule
        const usedA = new Set<number>();
        const usedB = new Set<number>();
        const want: [string, string][] = [];
        as.forEach((f, i) => {
          const j = bs.findIndex((g) => g.id === f.id);
          if (j >= 0 && Math.min(f.end, bs[j]!.end) > Math.max(f.start, bs[j]!.start)) {
            usedA.add(i);
            usedB.add(j);
            want.push([f.id, bs[j]!.id]);
          }
        });
        const order = (xs: typeof as, used: Set<number>) => xs.map((_, i) => i).filter((i) => !used.has(i)).sort((x, y) => xs[x]!.start - xs[y]!.start || xs[x]!.end - xs[y]!.end || x - y);
        const ra = order(as, usedA);
        const rb = order(bs, usedB);
        const edges = ra.flatMap((i, x) => rb.map((j, y) => ({ i, j, x, y, ov: Math.min(as[i]!.end, bs[j]!.end) - Math.max(as[i]!.start, bs[j]!.start), d: Math.abs(as[i]!.start - bs[j]!.start) }))).filter((e) => e.ov > 0);
        edges.sort((p, q) => q.ov - p.ov || p.d - q.d || p.x - q.x || p.y - q.y);
        for (const e of edges) {
          if (usedA.has(e.i) || usedB.has(e.j)) continue;
          usedA.add(e.i);
          usedB.add(e.j);
          want.push([as[e.i]!.id, bs[e.j]!.id]);
        }
        expect(got.map((m) => [m.a.id, m.b.id])).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('ties go to the nearest start, then reading order', () => {
    const a1 = eff(figureFinding(0, 10), 'accepted');
    const a2 = eff(figureFinding(10, 20), 'accepted');
    const b = eff(figureFinding(5, 15, 'count', 1, '个', 'man:5-15:1'), 'accepted');
    expect(matchFindings([a2, a1], [b]).map((m) => m.a.id)).toEqual([a1.id]);
  });
});

const doc = (docId: string, layers: Record<string, ReturnType<typeof eff>[]>): DocumentLayers => ({ docId, layers: Object.entries(layers).map(([analyst, findings]) => ({ analyst, findings })) });

describe('computeAgreement', () => {
  it('span F1 counts matched asserted findings of one kind: 2M / (|A| + |B|)', () => {
    const d = doc('d1', {
      ann: [eff(figureFinding(0, 5), 'accepted'), eff(figureFinding(10, 15), 'corrected', { value: 3 }), eff(figureFinding(30, 32), 'rejected')],
      bob: [eff(figureFinding(2, 6, 'count', 1, '个', 'man:2-6:1'), 'accepted'), eff(figureFinding(20, 25), 'accepted'), eff(figureFinding(30, 32), 'accepted')],
    });
    const r = computeAgreement([d]);
    const all = r.pairs[0]!.byKind.all!;
    expect([all.aCount, all.bCount, all.matched]).toEqual([2, 3, 1]);
    expect(all.f1).toBeCloseTo(0.4);
    // status on reviewed findings: [30,32) rejected vs accepted is a unit; [0,5) vs man [2,6) accepted/accepted
    expect(all.status.units).toBe(2);
    expect(r.perDocument[0]!.pairs[0]!.byKind.count!.f1).toBeCloseTo(0.4);
  });

  it('a kind corrected differently is a miss for both kinds and a kind disagreement', () => {
    const f = figureFinding(0, 5, 'count', 30, '万元');
    const d = doc('d', { ann: [eff(f, 'accepted')], bob: [eff(f, 'corrected', { kind: 'money', value: 300000, unit: '元' })] });
    const p = computeAgreement([d]).pairs[0]!;
    expect(p.byKind.all!.f1).toBe(0);
    expect(p.byKind.count!.f1).toBe(0);
    expect(p.byKind.money!.f1).toBe(0);
    expect(p.byKind.all!.kind!.observed).toBe(1);
  });

  it('a report one analyst has not started does not count for the pair', () => {
    const f = figureFinding(0, 5);
    const r = computeAgreement([doc('d1', { ann: [eff(f, 'accepted')], bob: [eff(f, 'suggested')] }), doc('d2', { ann: [eff(f, 'accepted')], bob: [eff(f, 'accepted')] })]);
    expect(r.pairs[0]!.documents).toBe(1);
    expect(r.pairs[0]!.byKind.all!.f1).toBe(1);
    expect(r.perDocument[0]!.pairs).toEqual([]);
  });

  it('values: interval alpha per kind on base-unit values; not pooled over kinds', () => {
    const figs = [0, 10, 20].map((s) => figureFinding(s, s + 5, 'money', 10000, '元'));
    const d = doc('d', {
      ann: figs.map((f, i) => eff(f, 'corrected', { value: [100, 200, 300][i] })),
      bob: figs.map((f, i) => eff(f, 'corrected', { value: [100, 200, 310][i] })),
    });
    const p = computeAgreement([d]).pairs[0]!;
    const expected = krippendorffAlpha([[100, 100], [200, 200], [300, 310]], 'interval').alpha;
    expect(p.byKind.money!.value.alpha).toBeCloseTo(expected!, 12);
    expect(p.byKind.all!.value.alpha).toBeNull();
  });

  it('the matrix is symmetric with 1 on the diagonal and pools documents', () => {
    const f = figureFinding(0, 5);
    const g = figureFinding(10, 15);
    const r = computeAgreement([
      doc('d1', { a: [eff(f, 'accepted'), eff(g, 'accepted')], b: [eff(f, 'accepted'), eff(g, 'rejected')], c: [eff(f, 'accepted')] }),
      doc('d2', { a: [eff(f, 'accepted')], b: [eff(f, 'accepted')] }),
    ]);
    const m = agreementMatrix(r.pairs, r.analysts, 'all', 'f1');
    expect(m[0]![0]).toBe(1);
    expect(m[0]![1]).toBe(m[1]![0]);
    // a–b: d1 A 2, B 1, M 1; d2 1/1/1 → 2·2/(3+2)
    expect(m[0]![1]).toBeCloseTo(0.8);
    // a–c: only d1: 2·1/(2+1)
    expect(m[0]![2]).toBeCloseTo(2 / 3);
  });
});

/** A python3 that has nltk (the one on PATH may be a pyenv without it), or null. */
function pythonWithNltk(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import nltk.metrics.agreement'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0) return py;
  }
  return null;
}

const PY = pythonWithNltk();
if (!PY) console.warn('SKIP alpha vs nltk: no python3 with nltk (apt-get install python3-nltk)');

const NLTK_SCRIPT = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
out = []
for task in json.load(sys.stdin):
    dist = binary_distance if task['metric'] == 'nominal' else interval_distance
    out.append(AnnotationTask(data=[tuple(t) for t in task['triples']], distance=dist).alpha())
print(json.dumps(out))
`;

interface NltkTask { metric: 'nominal' | 'interval'; triples: [string, string, string | number][] }

function nltkAlphas(tasks: NltkTask[]): number[] {
  const r = spawnSync(PY!, ['-c', NLTK_SCRIPT], { input: JSON.stringify(tasks), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`nltk failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as number[];
}

describe.skipIf(!PY)('alpha against nltk (an independent implementation) on generated data', { timeout: 120_000 }, () => {
  it('matches nltk for many coders with missing values, nominal and interval', () => {
    const tasks: NltkTask[] = [];
    const units: (string | number)[][][] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const rand = rng(seed);
      const coders = 2 + Math.floor(rand() * 5);
      const nUnits = 3 + Math.floor(rand() * 40);
      const metric = seed % 2 === 0 ? 'nominal' : 'interval';
      const triples: NltkTask['triples'] = [];
      const us: (string | number)[][] = [];
      for (let u = 0; u < nUnits; u++) {
        const truth = Math.floor(rand() * 6);
        const vals: (string | number)[] = [];
        for (let c = 0; c < coders; c++) {
          if (rand() < 0.2) continue; // missing
          const v = rand() < 0.7 ? truth : Math.floor(rand() * 6);
          const label = metric === 'nominal' ? `L${v}` : v * 1.5;
          vals.push(label);
          triples.push([`c${c}`, `u${u}`, label]);
        }
        us.push(vals);
      }
      const mine = krippendorffAlpha(us, metric);
      // nltk divides by zero without variation and returns 1 for a single label: compare defined cases
      if (mine.alpha === null || new Set(triples.map((t) => t[2])).size < 2) continue;
      tasks.push({ metric, triples });
      units.push(us);
    }
    expect(tasks.length).toBeGreaterThan(40);
    const theirs = nltkAlphas(tasks);
    const ours = units.map((us, i) => krippendorffAlpha(us, tasks[i]!.metric).alpha!);
    for (let i = 0; i < ours.length; i++) expect(ours[i]).toBeCloseTo(theirs[i]!, 9);
    console.log(`alpha vs nltk: ${ours.length} generated tasks, max |diff| ${Math.max(...ours.map((o, i) => Math.abs(o - theirs[i]!))).toExponential(2)}`);
  });

  it('computeAgreement on generated layers gives nltk’s alpha for status, unit and value', () => {
    const kinds: FigureKind[] = ['count', 'money', 'percent'];
    const statuses: ReviewStatus[] = ['suggested', 'accepted', 'rejected', 'corrected'];
    const units = ['个', '元', '%', '人次'];
    const tasks: NltkTask[] = [];
    const want: (number | null)[] = [];
    for (let seed = 100; seed < 130; seed++) {
      const rand = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const figs = Array.from({ length: 40 + Math.floor(rand() * 60) }, (_, i) => figureFinding(i * 10, i * 10 + 4, pick(kinds), Math.floor(rand() * 50) * 100, pick(units)));
      const layer = () =>
        figs.map((f) => {
          const st = pick(statuses);
          if (st !== 'corrected') return eff(f, st);
          return eff(f, st, rand() < 0.5 ? { value: Math.floor(rand() * 50) * 100 } : { unit: pick(units) });
        });
      const A = layer();
      const B = layer();
      const p = computeAgreement([doc('d', { A, B })]).pairs[0]!;
      // the same items built independently: every finding is one item, keyed by its id
      const add = (metric: NltkTask['metric'], pairs: [string | number, string | number][], got: number | null) => {
        const labels = new Set(pairs.flat());
        if (pairs.length === 0 || labels.size < 2) return expect(got).toBeNull();
        tasks.push({ metric, triples: pairs.flatMap(([x, y], i) => [['A', `i${i}`, x], ['B', `i${i}`, y]] as NltkTask['triples']) });
        want.push(got);
      };
      const both = figs.map((_, i) => [A[i]!, B[i]!] as const);
      add('nominal', both.filter(([x, y]) => x.status !== 'suggested' && y.status !== 'suggested').map(([x, y]) => [x.status, y.status]), p.byKind.all!.status.alpha);
      for (const k of kinds) {
        const asserted = both.filter(([x, y]) => ['accepted', 'corrected'].includes(x.status) && ['accepted', 'corrected'].includes(y.status) && x.kind === k);
        const data = (f: (typeof A)[number]) => f.data as { unit: string; value: number };
        add('nominal', asserted.map(([x, y]) => [data(x).unit, data(y).unit]), p.byKind[k]?.unit.alpha ?? null);
        add('interval', asserted.map(([x, y]) => [data(x).value, data(y).value]), p.byKind[k]?.value.alpha ?? null);
      }
    }
    // one python for every task (starting nltk costs seconds on a loaded machine)
    const theirs = nltkAlphas(tasks);
    want.forEach((w, i) => expect(w).toBeCloseTo(theirs[i]!, 9));
    expect(want.length).toBeGreaterThan(150);
    console.log(`computeAgreement vs nltk: ${want.length} alphas (status, unit, value per kind) on 30 generated document pairs agree to 1e-9`);
  });
});
