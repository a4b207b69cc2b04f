// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge, PackedDocumentView } from '../../../../core/api';
import { packFindings } from '../../../../core/findings-pack';
import type { Finding } from '../../../../core/store-schema';
import { setClientForTests } from '../../api/client';
import { openDocument, reportStore, setStatus, undo } from './store';

const text = '全年召开常委会会议9次，审议法规草案12件。';
const fig = (id: string, start: number, end: number): Finding => ({ type: 'figure', id, origin: 'detector', data: { text: text.slice(start, end), start, end, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null } });
const findings = [fig('f1', 8, 10), fig('f2', 16, 19)];
const meta = { id: 'd', path: 'd.txt', name: 'd.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: text.length, importedAt: '', counts: { figures: 2, duplicates: 0, defects: 0, reviewed: 0, total: 2 }, metadata: {} } as const;

describe('a decision is shown first and sent after the frame that paints it', () => {
  it('previews at once, sends after the frame, and keeps the order of the writes that follow', async () => {
    const view: PackedDocumentView = { meta: { ...meta }, text, findings: packFindings(findings, text), reviews: {}, orphans: [], canUndo: false, canRedo: false };
    const calls: string[] = [];
    const invoke = vi.fn(async (method: string) => {
      calls.push(method);
      if (method === 'documentView') return { ok: true, value: view };
      return { ok: true, value: { findings: null, reviews: {}, canUndo: false, canRedo: false, meta: { ...meta } } };
    });
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    await openDocument('d');
    calls.length = 0;
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    try {
      const decided = setStatus(['f1'], 'rejected');
      const undone = undo();
      // the preview is there before anything was sent; the undo waits behind the decision
      expect(reportStore.get().reviews.f1?.status).toBe('rejected');
      await new Promise((ok) => setTimeout(ok, 20));
      expect(calls).toEqual([]);
      // the frame is painted: both go, in the order they were made
      for (const cb of frames.splice(0)) cb(performance.now());
      await Promise.all([decided, undone]);
      expect(calls).toEqual(['reviewApply', 'reviewUndo']);
    } finally {
      raf.mockRestore();
    }
  });
});
