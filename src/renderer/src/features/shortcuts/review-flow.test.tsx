// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge, PackedDocumentView, ReviewResult } from '../../../../core/api';
import { packFindings } from '../../../../core/findings-pack';
import type { Finding } from '../../../../core/store-schema';
import { setClientForTests } from '../../api/client';
import { applyAction, openDocument, reportStore, setStatus } from '../report/store';
import { handleKeyDown } from './useShortcuts';

const fig = (id: string, start: number): Finding => ({
  type: 'figure', id, origin: 'detector', data: { text: '9次', start, end: start + 2, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null },
});

describe('keyboard review against the API', () => {
  it('j selects, a accepts through reviewApply, and the state shown is the backend answer', async () => {
    const text = '召开会议9次，另有9次。';
    const findings = [fig('a', 4), fig('b', 9)];
    const meta = { id: 'd', path: 'd.txt', name: 'd.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: 12, importedAt: '', counts: { figures: 2, duplicates: 0, defects: 0, reviewed: 0, total: 2 }, metadata: {} } as const;
    const view: PackedDocumentView = { meta: { ...meta }, text, findings: packFindings(findings, text), reviews: {}, orphans: [], canUndo: false, canRedo: false };
    const calls: unknown[] = [];
    const invoke = vi.fn(async (method: string, request: unknown) => {
      calls.push([method, request]);
      if (method === 'documentView') return { ok: true, value: view };
      if (method === 'reviewApply') {
        const answer: ReviewResult = {
          findings: null, canUndo: true, canRedo: false, meta: { ...meta },
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

  it('keeps the findings of an earlier answer when the last answer of a burst carries none', async () => {
    const text = '召开会议9次，另有9次。';
    const findings = [fig('a', 4), fig('b', 9)];
    const manual = { ...fig('man:0-2:1', 0), origin: 'manual' as const };
    const meta = { id: 'd2', path: 'd2.txt', name: 'd2.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: 12, importedAt: '', counts: { figures: 2, duplicates: 0, defects: 0, reviewed: 0, total: 2 }, metadata: {} } as const;
    const view: PackedDocumentView = { meta: { ...meta }, text, findings: packFindings(findings, text), reviews: {}, orphans: [], canUndo: false, canRedo: false };
    const answers: ((r: ReviewResult) => void)[] = [];
    const invoke = vi.fn(async (method: string) => {
      if (method === 'documentView') return { ok: true, value: view };
      return new Promise((ok) => answers.push((value) => ok({ ok: true, value })));
    });
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    await openDocument('d2');
    const added = applyAction({ type: 'addFinding', finding: manual });
    const accepted = setStatus(['a'], 'accepted');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    const base = { canUndo: true, canRedo: false, meta: { ...meta }, reviews: {} };
    // answers arrive in order: the first adds the manual finding, the second changes no finding
    answers[0]({ ...base, findings: packFindings([manual, ...findings], text) });
    answers[1]({ ...base, findings: null });
    await Promise.all([added, accepted]);
    expect(reportStore.get().model?.order.map((f) => f.id)).toEqual(['man:0-2:1', 'a', 'b']);
  });
});
