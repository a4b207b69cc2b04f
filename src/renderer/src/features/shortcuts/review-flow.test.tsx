// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge, DocumentView, ReviewResult } from '../../../../core/api';
import type { Finding } from '../../../../core/store-schema';
import { setClientForTests } from '../../api/client';
import { openDocument, reportStore } from '../report/store';
import { handleKeyDown } from './useShortcuts';

const fig = (id: string, start: number): Finding => ({
  type: 'figure', id, origin: 'detector', data: { text: '9次', start, end: start + 2, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null },
});

describe('keyboard review against the API', () => {
  it('j selects, a accepts through reviewApply, and the state shown is the backend answer', async () => {
    const text = '召开会议9次，另有9次。';
    const findings = [fig('a', 4), fig('b', 9)];
    const meta = { id: 'd', path: 'd.txt', name: 'd.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: 12, importedAt: '', counts: { figures: 2, duplicates: 0, defects: 0, reviewed: 0, total: 2 }, metadata: {} } as const;
    const view: DocumentView = { meta: { ...meta }, text, findings, reviews: {}, orphans: [], canUndo: false, canRedo: false };
    const calls: unknown[] = [];
    const invoke = vi.fn(async (method: string, request: unknown) => {
      calls.push([method, request]);
      if (method === 'documentGet') return { ok: true, value: view };
      if (method === 'reviewApply') {
        const answer: ReviewResult = {
          findings, canUndo: true, canRedo: false, meta: { ...meta },
          reviews: { a: { findingId: 'a', status: 'accepted', fields: {}, tags: [], note: '', updatedAt: 'server', annotator: 'srv', anchor: { start: 4, end: 6, quote: '9次', prefix: '', suffix: '' } } },
        };
        return { ok: true, value: answer };
      }
      return { ok: false, error: { code: 'unknown-method', message: method } };
    });
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    await openDocument('d');
    expect(reportStore.get().model?.order).toHaveLength(2);
    handleKeyDown(new KeyboardEvent('keydown', { key: 'j' }));
    expect(reportStore.get().selectedId).toBe('a');
    handleKeyDown(new KeyboardEvent('keydown', { key: 'a' }));
    // optimistic at once …
    expect(reportStore.get().reviews.a?.status).toBe('accepted');
    await vi.waitFor(() => expect(reportStore.get().reviews.a?.updatedAt).toBe('server'));
    expect(calls).toContainEqual(['reviewApply', { documentId: 'd', action: { type: 'setStatus', findingIds: ['a'], status: 'accepted' } }]);
    expect(reportStore.get().canUndo).toBe(true);
    handleKeyDown(new KeyboardEvent('keydown', { key: 'j' }));
    expect(reportStore.get().selectedId).toBe('b');
  });
});
