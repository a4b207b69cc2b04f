// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, PackedDocumentView, ReviewResult } from '../../../../core/api';
import { packFindings } from '../../../../core/findings-pack';
import type { Finding, Review } from '../../../../core/store-schema';
import { setClientForTests } from '../../api/client';
import { errorStore } from '../errors/store';
import { setLang } from '../i18n/i18n';
import { FilterCount } from './FilterCount';
import { filterStore, setFilter } from './filters';
import { DEFAULT_FILTER } from './navigation';
import { openDocument, reportStore, selectFinding, setStatus, undo } from './store';

const text = '召开常委会会议9次、主任会议23次、专题会议5次。';
const fig = (id: string, start: number, end: number, metric: string): Finding => ({
  type: 'figure', id, origin: 'detector', data: { text: text.slice(start, end), start, end, kind: 'count', value: 1, value_to: null, unit: '次', approx: null, metric },
});
const findings = [fig('a', 7, 9, '召开常委会会议'), fig('b', 14, 17, '主任会议'), fig('c', 22, 24, '专题会议')];
const meta = { id: 'd', path: 'd.txt', name: 'd.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: text.length, importedAt: '', counts: { figures: 3, duplicates: 0, defects: 0, reviewed: 0, total: 3 }, metadata: {} } as const;
const review = (id: string, status: Review['status'], at: string): Review => ({ findingId: id, status, fields: {}, tags: [], note: '', updatedAt: at, annotator: 'me', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } });

/** A backend stub holding the reviews; undo pops the last step. */
function stub(docId: string): void {
  let reviews: Record<string, Review> = {};
  const history: Record<string, Review>[] = [];
  const answer = (): ReviewResult => ({ findings: null, canUndo: history.length > 0, canRedo: false, meta: { ...meta, id: docId }, reviews });
  const invoke = vi.fn(async (method: string, req: { action?: { findingIds: string[]; status: Review['status'] } }) => {
    if (method === 'documentView') {
      const view: PackedDocumentView = { meta: { ...meta, id: docId }, text, findings: packFindings(findings, text), reviews, orphans: [], canUndo: false, canRedo: false };
      return { ok: true, value: view };
    }
    if (method === 'reviewApply') {
      history.push(reviews);
      reviews = { ...reviews };
      for (const id of req.action!.findingIds) reviews[id] = review(id, req.action!.status, `t${history.length}`);
      return { ok: true, value: answer() };
    }
    if (method === 'reviewUndo') {
      reviews = history.pop() ?? reviews;
      return { ok: true, value: answer() };
    }
    return { ok: false, error: { code: 'unknown-method', message: method } };
  });
  setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
}

afterEach(() => {
  cleanup();
  filterStore.set(DEFAULT_FILTER);
  errorStore.set({ errors: [], notices: [] });
});

describe('the status filter and the selection (issue 15 #13)', () => {
  it('a selected finding the new filter hides gives way to the next matching one, and the count of matches shows', async () => {
    stub('d1');
    await openDocument('d1');
    await setStatus(['b'], 'accepted');
    selectFinding('a');
    render(<FilterCount />);
    expect(screen.queryByTestId('filter-count')).toBeNull(); // no filter, no count
    act(() => setFilter({ status: 'accepted' }));
    // 'a' is suggested: it no longer matches; 'b' (after it) is selected
    expect(reportStore.get().selectedId).toBe('b');
    expect(screen.getByTestId('filter-count').getAttribute('data-count')).toBe('1');
    act(() => setFilter({ status: 'rejected' }));
    expect(reportStore.get().selectedId).toBeNull();
    expect(screen.getByTestId('filter-count').getAttribute('data-count')).toBe('0');
    // a selection the filter lets through stays
    act(() => setFilter({ status: 'suggested' }));
    selectFinding('c');
    act(() => setFilter({ status: 'suggested', type: 'figure' }));
    expect(reportStore.get().selectedId).toBe('c');
  });
});

describe('undo feedback (issue 15 #8)', () => {
  it('says what was undone, in the analyst language, and selects the finding', async () => {
    setLang('zh');
    stub('d2');
    await openDocument('d2');
    await setStatus(['a'], 'accepted');
    selectFinding('c');
    await undo();
    expect(reportStore.get().reviews.a).toBeUndefined();
    expect(reportStore.get().selectedId).toBe('a');
    expect(errorStore.get().notices.map((n) => n.text)).toContain('已撤销：接受 召开常委会会议9次');
    setLang('en');
    await setStatus(['b'], 'rejected');
    await undo();
    expect(errorStore.get().notices.map((n) => n.text)).toContain('Undone: reject 主任会议23次');
    expect(reportStore.get().selectedId).toBe('b');
  });
});
