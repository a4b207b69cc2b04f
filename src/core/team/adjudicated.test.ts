import { describe, expect, it } from 'vitest';
import { effectiveFinding } from '../document/effective';
import type { Finding, Review } from '../store-schema';
import { adjudicationItems } from './adjudicate';
import { adjudicatedWork, applyChoice, emptyAdjudication, isStale, latestAdjudication } from './adjudicated';
import type { AnalystLayer } from './agreement';

const fig = (start: number, end: number, value: number): Finding => ({ type: 'figure', id: `fig:${start}-${end}:count`, origin: 'detector', data: { text: 'x', start, end, kind: 'count', value, value_to: null, unit: '次', approx: null, metric: null } } as Finding);
const rev = (f: Finding, status: Review['status'], by: string, fields: Record<string, unknown> = {}): Review => ({ findingId: f.id, status, fields, tags: [], note: '', updatedAt: '2026-01-01T00:00:00Z', annotator: by, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } });
const F = [fig(0, 2, 9), fig(10, 13, 23), fig(20, 22, 5)];
const layer = (analyst: string, decisions: [Finding, Review['status'], Record<string, unknown>?][]): AnalystLayer => ({ analyst, findings: decisions.map(([f, s, fields]) => effectiveFinding(f, rev(f, s, analyst, fields))) });
const ME = { id: 'judge', name: 'Judge' };

// ann and bob agree on F[2], disagree on F[0] (accept vs reject) and F[1] (value 24 vs as is)
const layers = [layer('ann', [[F[0]!, 'accepted'], [F[1]!, 'corrected', { value: 24 }], [F[2]!, 'accepted']]), layer('bob', [[F[0]!, 'rejected'], [F[1]!, 'accepted'], [F[2]!, 'accepted']])];
const items = adjudicationItems(layers);

describe('the adjudicated layer as kept', () => {
  it('agreed items are in the layer live; a choice adds its frozen result; removing it restores the file', () => {
    expect(items.map((i) => i.class)).toEqual(['disagree', 'disagree', 'agree']);
    const none = adjudicatedWork(items, null, 'Judge', 't');
    expect(Object.keys(none.reviews)).toEqual([F[2]!.id]);
    const empty = emptyAdjudication('doc', ME, 't0');
    const one = applyChoice(empty, items, F[1]!.id, { take: 'ann', fields: { value: 25 } }, ME, 't1');
    const w = adjudicatedWork(items, one, 'Judge', 't1');
    expect(w.reviews[F[1]!.id]).toMatchObject({ status: 'corrected', fields: { value: 25 }, annotator: 'Judge' });
    expect(Object.keys(w.reviews).sort()).toEqual([F[1]!.id, F[2]!.id].sort());
    const two = applyChoice(one, items, F[0]!.id, { reject: true }, ME, 't2');
    expect(adjudicatedWork(items, two, 'Judge', 't2').reviews[F[0]!.id]!.status).toBe('rejected');
    const back = applyChoice(applyChoice(two, items, F[0]!.id, null, ME, 't3'), items, F[1]!.id, null, ME, 't4');
    expect(back.choices).toEqual({});
    expect(back.work).toEqual(empty.work);
  });

  it('a choice can be changed: the earlier result is replaced, not kept beside it', () => {
    const a = applyChoice(emptyAdjudication('doc', ME, 't0'), items, F[0]!.id, { take: 'ann' }, ME, 't1');
    const b = applyChoice(a, items, F[0]!.id, { take: 'bob' }, ME, 't2');
    expect(Object.keys(b.work.reviews)).toEqual([F[0]!.id]);
    expect(b.work.reviews[F[0]!.id]!.status).toBe('rejected');
  });

  it('refuses an unknown item or an analyst without a decision on it', () => {
    const e = emptyAdjudication('doc', ME, 't0');
    expect(() => applyChoice(e, items, 'nope', { reject: true }, ME, 't')).toThrow(TypeError);
    expect(() => applyChoice(e, items, F[0]!.id, { take: 'carol' }, ME, 't')).toThrow(TypeError);
  });

  it('a choice is stale once the chosen analyst changed their decision', () => {
    const file = applyChoice(emptyAdjudication('doc', ME, 't0'), items, F[1]!.id, { take: 'ann' }, ME, 't1');
    expect(isStale(items[1]!, file.choices[F[1]!.id])).toBe(false);
    const changed = adjudicationItems([layer('ann', [[F[0]!, 'accepted'], [F[1]!, 'corrected', { value: 99 }], [F[2]!, 'accepted']]), layers[1]!]);
    expect(isStale(changed[1]!, file.choices[F[1]!.id])).toBe(true);
    // the adjudicated layer keeps what was chosen
    expect(adjudicatedWork(changed, file, 'Judge', 't').reviews[F[1]!.id]!.fields).toEqual({ value: 24 });
  });

  it('of several adjudicators, the one updated last wins, the same on every machine', () => {
    const x = { updatedAt: '2026-01-02', adjudicator: { id: 'a', name: 'A' } };
    const y = { updatedAt: '2026-01-03', adjudicator: { id: 'b', name: 'B' } };
    const z = { updatedAt: '2026-01-03', adjudicator: { id: 'c', name: 'C' } };
    expect(latestAdjudication([x, y, z])).toBe(z);
    expect(latestAdjudication([z, y, x])).toBe(z);
    expect(latestAdjudication([])).toBeNull();
  });
});
