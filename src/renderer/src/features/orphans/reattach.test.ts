import { describe, expect, it } from 'vitest';
import type { Finding, Review } from '../../../../core/store-schema';
import { TextIndex } from '../report/offsets';
import { locateAnchor, orphanKind, reattachActions } from './reattach';

const review = (over: Partial<Review> = {}): Review => ({
  findingId: 'fig:4-6:count', status: 'accepted', fields: {}, tags: [], note: '', updatedAt: 't', annotator: 'a',
  anchor: { start: 4, end: 6, quote: '9次', prefix: '召开会议', suffix: '，另有' }, ...over,
});
const fig = (id: string, start: number, end: number): Finding => ({
  type: 'figure', id, origin: 'detector', data: { text: '9次', start, end, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null },
});

describe('orphaned reviews', () => {
  it('reads the finding type and kind from the id', () => {
    expect(orphanKind({ findingId: 'fig:301-303:count' })).toEqual({ type: 'figure', kind: 'count' });
    expect(orphanKind({ findingId: 'dup:exact_paragraph:1-5:9-13' })).toEqual({ type: 'duplicate', kind: 'exact_paragraph' });
    expect(orphanKind({ findingId: 'def:foreign_token:3-8' })).toEqual({ type: 'defect', kind: 'foreign_token' });
    expect(orphanKind({ findingId: 'man:3-5:1700000000' })).toEqual({ type: 'figure', kind: null });
    // a consistency check is a defect; a finding carried after the source changed is what it was carried from
    expect(orphanKind({ findingId: 'chk:percent_over_100:3-7' })).toEqual({ type: 'defect', kind: 'consistency' });
    expect(orphanKind({ findingId: 'man:12-20:def:markup_residue:10-18' })).toEqual({ type: 'defect', kind: 'markup_residue' });
    expect(orphanKind({ findingId: 'man:14-16:man:12-14:fig:10-12:money' })).toEqual({ type: 'figure', kind: 'money' });
  });

  it('finds the quote where its context matches best, in code points', () => {
    // an astral character before: UTF-16 and code point offsets differ
    const text = '𠀀另有9次。召开会议9次，另有9次。';
    const index = new TextIndex(text);
    const at = locateAnchor(index, review().anchor)!;
    expect(index.slice(at.start, at.end)).toBe('9次');
    expect(at.start).toBe([...'𠀀另有9次。召开会议'].length);
    expect(locateAnchor(index, { ...review().anchor, quote: '不存在' })).toBeNull();
  });

  it('re-attaches onto the finding already at the place: fields, status, missing tags, note', () => {
    const o = review({ status: 'corrected', fields: { value: 10 }, tags: ['a', 'b'], note: 'checked' });
    const findings = [fig('fig:10-12:count', 10, 12)];
    const existing = review({ findingId: 'fig:10-12:count', status: 'suggested', tags: ['a'] });
    const plan = reattachActions(o, findings, existing, { start: 10, end: 12, text: '9次' });
    expect(plan.findingId).toBe('fig:10-12:count');
    expect(plan.actions).toEqual([
      { type: 'setFields', findingId: 'fig:10-12:count', fields: { value: 10 } },
      { type: 'setStatus', findingIds: ['fig:10-12:count'], status: 'accepted' },
      { type: 'toggleTag', findingId: 'fig:10-12:count', tag: 'b' },
      { type: 'setNote', findingId: 'fig:10-12:count', note: 'checked' },
    ]);
  });

  it('adds a manual finding of the same type where there is none', () => {
    const o = review({ status: 'rejected', tags: ['x'], note: 'n' });
    const plan = reattachActions(o, [], undefined, { start: 20, end: 22, text: '9次' }, 1234);
    expect(plan.findingId).toBe('man:20-22:1234');
    const add = plan.actions[0];
    expect(add.type).toBe('addFinding');
    if (add.type !== 'addFinding') return;
    expect(add.status).toBe('rejected');
    expect(add.tags).toEqual(['x']);
    expect(add.finding).toMatchObject({ type: 'figure', origin: 'manual', data: { start: 20, end: 22, kind: 'count', value: 9, unit: '次' } });
    expect(plan.actions[1]).toEqual({ type: 'setNote', findingId: 'man:20-22:1234', note: 'n' });
    const def = reattachActions(review({ findingId: 'def:foreign_token:3-8' }), [], undefined, { start: 1, end: 3, text: 'ab' }, 1);
    expect(def.actions[0]).toMatchObject({ type: 'addFinding', finding: { type: 'defect', data: { kind: 'foreign_token', start: 1, end: 3, replacement: null } } });
  });
});
