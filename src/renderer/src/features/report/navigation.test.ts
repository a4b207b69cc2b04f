import { describe, expect, it } from 'vitest';
import type { Finding, Review } from '../../../../core/store-schema';
import { DEFAULT_FILTER, buildNavIndex, nextUnreviewed, stepFinding, suggestedOfKind } from './navigation';

const fig = (id: string, start: number, kind: 'count' | 'money' | 'name' = 'count'): Finding => ({
  type: 'figure', id, origin: 'detector',
  data: { text: 'x', start, end: start + 2, kind, value: 1, value_to: null, unit: null, approx: null, metric: null },
});
const review = (id: string, status: Review['status'], tags: string[] = []): Review => ({
  findingId: id, status, fields: {}, tags, note: '', updatedAt: '', annotator: 'a', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' },
});

const order = [fig('a', 0), fig('b', 10, 'money'), fig('n', 15, 'name'), fig('c', 20), fig('d', 30)];

describe('keyboard navigation', () => {
  it('j/k step through findings in reading order and stop at the ends', () => {
    const nav = buildNavIndex(order, {}, DEFAULT_FILTER);
    expect(nav.list.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']); // names are skipped by default
    expect(stepFinding(nav, null, 1)?.id).toBe('a');
    expect(stepFinding(nav, null, -1)?.id).toBe('d');
    expect(stepFinding(nav, 'a', 1)?.id).toBe('b');
    expect(stepFinding(nav, 'b', -1)?.id).toBe('a');
    expect(stepFinding(nav, 'd', 1)).toBeNull();
    expect(stepFinding(nav, 'a', -1)).toBeNull();
  });

  it('continues from the position of a selection the filters hide', () => {
    const nav = buildNavIndex(order, {}, { ...DEFAULT_FILTER, kind: 'count', type: 'figure' });
    expect(nav.list.map((f) => f.id)).toEqual(['a', 'c', 'd']);
    expect(stepFinding(nav, 'b', 1, 10)?.id).toBe('c');
    expect(stepFinding(nav, 'b', -1, 10)?.id).toBe('a');
  });

  it('n goes to the next suggested finding and wraps around', () => {
    const reviews = { b: review('b', 'accepted'), c: review('c', 'rejected') };
    const nav = buildNavIndex(order, reviews, DEFAULT_FILTER);
    expect(nextUnreviewed(nav, reviews, 'a')?.id).toBe('d');
    expect(nextUnreviewed(nav, reviews, 'd')?.id).toBe('a');
    expect(nextUnreviewed(nav, reviews, null)?.id).toBe('a');
    const all = { a: review('a', 'accepted'), b: review('b', 'accepted'), c: review('c', 'accepted'), d: review('d', 'accepted') };
    expect(nextUnreviewed(buildNavIndex(order, all, DEFAULT_FILTER), all, 'a')).toBeNull();
  });

  it('filters by status and tag', () => {
    const reviews = { b: review('b', 'accepted', ['economy']), c: review('c', 'accepted') };
    expect(buildNavIndex(order, reviews, { ...DEFAULT_FILTER, status: 'accepted' }).list.map((f) => f.id)).toEqual(['b', 'c']);
    expect(buildNavIndex(order, reviews, { ...DEFAULT_FILTER, tag: 'economy' }).list.map((f) => f.id)).toEqual(['b']);
    expect(buildNavIndex(order, reviews, { ...DEFAULT_FILTER, showDimmed: true }).list.map((f) => f.id)).toContain('n');
  });

  it('bulk accept collects the suggested findings of one kind', () => {
    const reviews = { c: review('c', 'accepted') };
    expect(suggestedOfKind(order, reviews, 'figure', 'count')).toEqual(['a', 'd']);
  });
});
