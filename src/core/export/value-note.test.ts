/** [figures-note] A figure whose value the detector left null carries why, in every dataset. */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { exportContext, prepareDocument } from './context';
import { documentRecord } from './jsonl';
import { FACTS_COLUMNS, factRows } from './tabular';
import { astralFixture } from './testing';

function withUncertainFigure(valueByAnalyst?: number) {
  const { workspace, docs } = astralFixture();
  const doc = docs[0];
  const fig = doc.findings.find((f) => f.type === 'figure' && (f.data as Figure).kind === 'count');
  if (!fig || fig.type !== 'figure') throw new Error('fixture has a count');
  fig.data = { ...fig.data, value: null, note: { code: 'spaced-digits' } };
  const reviews = { ...doc.reviews };
  if (valueByAnalyst !== undefined) reviews[fig.id] = { ...(reviews[fig.id] ?? {}), status: 'corrected', fields: { value: valueByAnalyst }, tags: [], updatedAt: '2026-01-01T00:00:00Z' } as never;
  else delete reviews[fig.id];
  const d = { ...doc, reviews };
  const ctx = exportContext(workspace, 'all');
  return { id: fig.id, p: prepareDocument(workspace.documents[0], d, ctx), ctx };
}

describe('value_note in the facts table', () => {
  it('is the note code while the value is null', () => {
    const { p, ctx, id } = withUncertainFigure();
    const col = FACTS_COLUMNS.indexOf('value_note');
    expect(col).toBe(FACTS_COLUMNS.length - 1);
    const row = factRows(p, ctx).find((r) => r[FACTS_COLUMNS.indexOf('figure_id')] === id);
    expect(row?.[col]).toBe('spaced-digits');
    expect(row?.[FACTS_COLUMNS.indexOf('value')]).toBeNull();
    // every other figure has an empty cell
    expect(factRows(p, ctx).filter((r) => r[col] !== null)).toHaveLength(1);
  });
  it('is empty once the analyst gave the value', () => {
    const { p, ctx, id } = withUncertainFigure(1200);
    const row = factRows(p, ctx).find((r) => r[FACTS_COLUMNS.indexOf('figure_id')] === id);
    expect(row?.[FACTS_COLUMNS.indexOf('value')]).toBe(1200);
    expect(row?.[FACTS_COLUMNS.indexOf('value_note')]).toBeNull();
  });
});

describe('note in JSONL', () => {
  it('travels in the figure data while the value is null, and not after a correction', () => {
    for (const [given, expected] of [[undefined, { code: 'spaced-digits' }], [1200, undefined]] as const) {
      const { p, ctx, id } = withUncertainFigure(given);
      const rec = documentRecord(p, ctx) as unknown as { findings: { id: string; data: { note?: unknown } }[] };
      expect(rec.findings.find((f) => f.id === id)?.data.note).toEqual(expected);
    }
  });
});

describe('a defect keeps its own note in JSONL', () => {
  it('is not taken for a figure note (a defect has no value)', () => {
    const { workspace, docs } = astralFixture();
    const doc = docs[0];
    const def = doc.findings.find((f) => f.type === 'defect');
    if (!def || def.type !== 'defect') throw new Error('fixture has a defect');
    def.data = { ...def.data, note: 'the continuation is lost' };
    const ctx = exportContext(workspace, 'all');
    const rec = documentRecord(prepareDocument(workspace.documents[0], doc, ctx), ctx) as unknown as { findings: { id: string; data: { note?: unknown } }[] };
    expect(rec.findings.find((f) => f.id === def.id)?.data.note).toBe('the continuation is lost');
  });
});
