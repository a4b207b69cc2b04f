import { describe, expect, it } from 'vitest';
import type { Finding, Review } from '../../../../core/store-schema';
import { translate } from '../i18n/i18n';
import { describeUndo, findingLabel } from './undo-feedback';

const text = '召开常委会会议9次、主任会议23次。';
const fig = (id: string, start: number, end: number, metric: string | null): Finding => ({
  type: 'figure', id, origin: 'detector',
  data: { text: text.slice(start, end), start, end, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric },
});
const a = fig('fig:7-9', 7, 9, '召开常委会会议');
const b = fig('fig:14-17', 14, 17, '主任会议');
const review = (id: string, status: Review['status'], extra: Partial<Review> = {}): Review => ({
  findingId: id, status, fields: {}, tags: [], note: '', updatedAt: `t-${status}-${extra.tags?.join() ?? ''}`, annotator: 'me', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' }, ...extra,
});

describe('describeUndo', () => {
  it('an undone accept: verb accept, the finding selected', () => {
    const before = { findings: [a, b], reviews: { [b.id]: review(b.id, 'accepted') } };
    const after = { findings: [a, b], reviews: {} };
    expect(describeUndo('undo', before, after)).toEqual({ verb: 'accept', findingIds: [b.id], selectId: b.id });
    // redo is the same step the other way
    expect(describeUndo('redo', after, before)).toEqual({ verb: 'accept', findingIds: [b.id], selectId: b.id });
  });

  it('tells reject, tag and note steps apart, and a step that changed nothing is null', () => {
    const r0 = review(a.id, 'accepted');
    expect(describeUndo('undo', { findings: [a], reviews: { [a.id]: review(a.id, 'rejected') } }, { findings: [a], reviews: { [a.id]: r0 } })?.verb).toBe('reject');
    expect(describeUndo('undo', { findings: [a], reviews: { [a.id]: review(a.id, 'accepted', { tags: ['x'] }) } }, { findings: [a], reviews: { [a.id]: r0 } })?.verb).toBe('tag');
    expect(describeUndo('undo', { findings: [a], reviews: { [a.id]: r0 } }, { findings: [a], reviews: { [a.id]: r0 } })).toBeNull();
  });

  it('an undone manual finding: verb add, nothing to select (it is gone)', () => {
    expect(describeUndo('undo', { findings: [a, b], reviews: {} }, { findings: [a], reviews: {} })).toEqual({ verb: 'add', findingIds: [b.id], selectId: null });
  });

  it('a bulk step lists its findings in reading order', () => {
    const before = { findings: [a, b], reviews: { [b.id]: review(b.id, 'accepted'), [a.id]: review(a.id, 'accepted') } };
    expect(describeUndo('undo', before, { findings: [a, b], reviews: {} })?.findingIds).toEqual([a.id, b.id]);
  });
});

describe('findingLabel and the notice text', () => {
  it('a figure is named by its metric and text, in both languages', () => {
    const label = findingLabel(a, (s, e) => text.slice(s, e));
    expect(label).toBe('召开常委会会议9次');
    expect(translate('zh', 'undo.done', { action: translate('zh', 'undo.verb.accept'), what: label })).toBe('已撤销：接受 召开常委会会议9次');
    expect(translate('en', 'undo.done', { action: translate('en', 'undo.verb.accept'), what: label })).toBe('Undone: accept 召开常委会会议9次');
  });
  it('long text is cut', () => {
    expect([...findingLabel(fig('x', 0, 18, null), () => '很'.repeat(40), 10)]).toHaveLength(10);
  });
});
