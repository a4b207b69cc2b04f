import { describe, expect, it } from 'vitest';
import { buildDocument, effectiveFinding } from '../document';
import { exportContext, prepareDocument } from '../export/context';
import { astralFixture } from '../export/testing';
import { FACTS_COLUMNS } from '../export/tabular';
import type { Figure } from '../schema';
import type { Review } from '../store-schema';
import { adjudicate, adjudicationItems } from './adjudicate';
import type { AnalystLayer } from './agreement';
import { TEAM_FACTS_COLUMNS, layerDocument, teamFactRows, teamLabelStudioTask } from './export';
import { eff, figureFinding } from './testing';

const f1 = figureFinding(0, 5, 'count', 9, '次');
const f2 = figureFinding(10, 15, 'money', 100, '元');
const f3 = figureFinding(20, 25, 'percent', 97.5, '%');
const manB = figureFinding(30, 34, 'count', 2, '件', 'man:30-34:b');
const manC = figureFinding(31, 34, 'count', 2, '件', 'man:31-34:c');

const layers: AnalystLayer[] = [
  { analyst: 'ann', findings: [eff(f1, 'accepted'), eff(f2, 'accepted'), eff(f3, 'rejected')] },
  { analyst: 'bob', findings: [eff(f1, 'corrected', { value: 9 }), eff(f2, 'corrected', { value: 1000000 }), eff(f3, 'suggested'), eff(manB, 'accepted')] },
  { analyst: 'cat', findings: [eff(f1, 'accepted'), eff(f2, 'accepted'), eff(f3, 'rejected'), eff(manC, 'accepted')] },
];

describe('adjudicationItems', () => {
  const items = adjudicationItems(layers);
  const byStart = (s: number) => items.find((i) => i.start === s)!;

  it('all agree when every participant made the same decision (accepted = corrected to the same values)', () => {
    expect(byStart(0).class).toBe('agree');
    expect(byStart(0).decisions.map((d) => d.analyst)).toEqual(['ann', 'bob', 'cat']);
  });

  it('disagree on different values, and when a participant made no decision while others did', () => {
    expect(byStart(10).class).toBe('disagree');
    expect(byStart(20).class).toBe('disagree');
    expect(byStart(20).missing).toEqual(['bob']);
    // two manual findings that overlap are one item; ann has none there
    expect(byStart(30).class).toBe('disagree');
    expect(byStart(30).decisions.map((d) => d.finding.id)).toEqual(['man:30-34:b', 'man:31-34:c']);
  });

  it('only one analyst when a single analyst decided the item', () => {
    const two = adjudicationItems([layers[0]!, { analyst: 'bob', findings: [eff(manB, 'accepted')] }]);
    expect(two.find((i) => i.start === 30)!.class).toBe('single');
    expect(two.map((i) => i.start)).toEqual([0, 10, 20, 30]);
  });
});

describe('adjudicate', () => {
  const items = adjudicationItems(layers);
  const id = (s: number) => items.find((i) => i.start === s)!.id;

  it('takes agreed items, leaves the rest open until picked', () => {
    const r = adjudicate(items, [], 'judge', '2026-02-02T00:00:00.000Z');
    expect(Object.keys(r.work.reviews)).toEqual([f1.id]);
    expect(r.work.reviews[f1.id]!.annotator).toBe('judge');
    expect(r.open.map((i) => i.start)).toEqual([10, 20, 30]);
  });

  it('a pick takes one side (its values), an edit corrects, a reject rejects; manual findings are copied', () => {
    const r = adjudicate(
      items,
      [
        { item: id(10), take: 'bob' },
        { item: id(20), reject: true },
        { item: id(30), take: 'cat', fields: { value: 3 } },
        { item: 'nope', reject: true },
        { item: id(0), take: 'dan' },
      ],
      'judge',
      'T',
    );
    expect(r.open).toEqual([]);
    expect(r.invalid).toHaveLength(2);
    expect(r.work.reviews[f2.id]).toMatchObject({ status: 'corrected', fields: { value: 1000000 }, annotator: 'judge', updatedAt: 'T' });
    expect(r.work.reviews[f3.id]!.status).toBe('rejected');
    expect(r.work.manualFindings.map((f) => f.id)).toEqual(['man:31-34:c']);
    expect(r.work.reviews['man:31-34:c']).toMatchObject({ status: 'corrected', fields: { value: 3 } });
    // the adjudicated layer builds a document whose effective figure says what was picked
    const doc = buildDocument({ text: 'x'.repeat(40), detectorFindings: { figures: [f1, f2, f3].map((f) => f.data as Figure), duplicates: [], defects: [] }, work: r.work });
    const picked = doc.findings.find((f) => f.id === 'man:31-34:c')!;
    expect((effectiveFinding(picked, doc.reviews[picked.id]).data as Figure).value).toBe(3);
    expect((effectiveFinding(doc.findings.find((f) => f.id === f2.id)!, doc.reviews[f2.id]).data as Figure).value).toBe(1000000);
  });
});

describe('team exports', () => {
  const { workspace, docs } = astralFixture();
  const doc = docs[0]!;
  const derived = doc.findings.filter((f) => f.origin === 'detector');
  const ctx = exportContext(workspace, 'accepted');
  const meta = workspace.documents[0]!;
  // bob rejects everything ann accepted
  const bobReviews: Record<string, Review> = Object.fromEntries(Object.entries(doc.reviews).map(([k, r]) => [k, { ...r, status: 'rejected' as const, fields: {}, annotator: 'bob' }]));
  const ann = prepareDocument(meta, layerDocument(doc, derived, { reviews: doc.reviews, manualFindings: [], orphans: [] }), ctx);
  // … except the first figure, which ann left alone
  const first = derived.find((f) => f.type === 'figure' && !doc.reviews[f.id])!;
  bobReviews[first.id] = { ...Object.values(doc.reviews)[0]!, findingId: first.id, status: 'accepted', fields: {}, annotator: 'bob' };
  const bob = prepareDocument(meta, layerDocument(doc, derived, { reviews: bobReviews, manualFindings: [], orphans: [] }), ctx);

  it('facts rows carry an annotator column per layer', () => {
    const rows = teamFactRows([{ annotator: 'Ann', prepared: ann }, { annotator: 'Bob', prepared: bob }], ctx);
    expect(TEAM_FACTS_COLUMNS.at(-1)).toBe('annotator');
    expect(rows.every((r) => r.length === FACTS_COLUMNS.length + 1)).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    const idCol = FACTS_COLUMNS.indexOf('figure_id');
    const annFigures = ann.findings.filter((f) => f.type === 'figure').map((f) => f.id);
    expect(annFigures.length).toBeGreaterThan(1);
    expect(rows.map((r) => [r[idCol], r.at(-1)])).toEqual([...annFigures.map((id) => [id, 'Ann']), [first.id, 'Bob']]);
  });

  it('Label Studio: each analyst is a separate annotation; predictions only what nobody decided', () => {
    // the 'all' filter: suggestions go to the prediction
    const all = exportContext(workspace, 'all');
    const layer = (reviews: Record<string, Review>) => prepareDocument(meta, layerDocument(doc, derived, { reviews, manualFindings: [], orphans: [] }), all);
    // bob accepts what ann rejected and leaves ann's open figure alone
    const rejected = Object.values(doc.reviews).find((r) => r.status === 'rejected')!.findingId;
    const bobLs: Record<string, Review> = { ...bobReviews, [rejected]: { ...bobReviews[rejected]!, status: 'accepted' } };
    delete bobLs[first.id];
    const task = teamLabelStudioTask([{ annotator: 'Ann', prepared: layer(doc.reviews) }, { annotator: 'Bob', prepared: layer(bobLs) }])!;
    expect(task.annotations!.map((a) => a.completed_by)).toEqual(['Ann', 'Bob']);
    expect(task.annotations![0]!.result.length).toBeGreaterThan(1);
    const predicted = new Set(task.predictions?.flatMap((p) => p.result.map((r) => r.id)) ?? []);
    for (const id of Object.keys(doc.reviews)) expect(predicted.has(id)).toBe(false);
    expect(task.annotations![1]!.result.map((r) => r.id)).toEqual([rejected]);
    // a suggestion nobody decided stays a prediction
    expect([...predicted]).toEqual([first.id]);
  });
});
