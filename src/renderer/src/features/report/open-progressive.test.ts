// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../../core/analyze';
import type { ApiBridge, PackedDocumentView } from '../../../../core/api';
import { packFindings, unpackFindings } from '../../../../core/findings-pack';
import { findingsFromAnalysis } from '../../../../core/review';
import { setClientForTests } from '../../api/client';
import { workspaceStore } from '../documents/store';
import { openDocument, reportStore } from './store';

describe('opening a long report', () => {
  it('shows its text first, then its findings, in the same view (same paragraphs, one text version)', async () => {
    const para = '全年召开常委会会议9次，审议法规草案12件，听取和审议专项工作报告23个，满意率达97.5%。';
    const text = Array.from({ length: 2500 }, (_, i) => para.replace('9次', `${i + 1}次`)).join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    const findings = findingsFromAnalysis(analyzeText(text));
    const meta = { id: 'long', path: 'long.txt', name: 'long.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: text.length, importedAt: '', counts: { figures: 0, duplicates: 0, defects: 0, reviewed: 0, total: 0 }, metadata: {} } as const;
    const view: PackedDocumentView = { meta: { ...meta }, text, findings: packFindings(findings, text), reviews: {}, orphans: [], canUndo: false, canRedo: false };
    setClientForTests({ invoke: vi.fn(async () => ({ ok: true, value: view })), on: () => () => undefined } as unknown as ApiBridge);
    const seen: { pending: boolean; findings: number; paragraphs: unknown; version: number }[] = [];
    const stop = reportStore.subscribe(() => {
      const s = reportStore.get();
      if (s.model && seen.at(-1)?.findings !== s.model.findings.length) seen.push({ pending: !!s.model.pending, findings: s.model.findings.length, paragraphs: s.model.paragraphs, version: s.textVersion });
    });
    await openDocument('long');
    stop();
    expect(seen.map((x) => [x.pending, x.findings])).toEqual([
      [true, 0],
      [false, findings.length],
    ]);
    expect(findings.length).toBeGreaterThan(2500);
    expect(seen[1].paragraphs).toBe(seen[0].paragraphs);
    expect(seen[1].version).toBe(seen[0].version);
    expect(reportStore.get().model!.paragraphs).toHaveLength(2500);
    expect(reportStore.get().loading).toBe(false);
  });

  it('asks for a long report\'s findings apart from its text, at once, and builds the same model from their chunks', async () => {
    const para = '全年召开常委会会议9次，审议法规草案12件，听取和审议专项工作报告23个，满意率达97.5%。';
    const text = Array.from({ length: 2500 }, (_, i) => para.replace('9次', `${i + 1}次`)).join('\n');
    const findings = findingsFromAnalysis(analyzeText(text));
    const packed = packFindings(findings, text);
    const meta = { id: 'apart', path: 'apart.txt', name: 'apart.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: 'abc', length: text.length, importedAt: '', counts: { figures: 0, duplicates: 0, defects: 0, reviewed: 0, total: 0 }, metadata: {} } as const;
    workspaceStore.patch({ workspace: { documents: [meta] } as never });
    const calls: [string, unknown][] = [];
    let stale = false;
    const invoke = vi.fn(async (method: string, req: { findings?: string; from?: number; size?: number }) => {
      calls.push([method, req]);
      if (method === 'documentView' && req.findings === 'apart') return { ok: true, value: { meta, text, findings: [], findingsApart: findings.length, reviews: {}, orphans: [], canUndo: false, canRedo: false } };
      if (method === 'documentView') return { ok: true, value: { meta, text, findings: packed, reviews: {}, orphans: [], canUndo: false, canRedo: false } };
      if (method === 'documentFindings') {
        // the last part answers for another state of the report when `stale`
        const from = req.from!;
        const count = stale && from + req.size! >= packed.length ? findings.length - 1 : findings.length;
        return { ok: true, value: { sha256: 'abc', count, from, findings: packed.slice(from, from + req.size!) } };
      }
      return { ok: false, error: { code: 'internal', message: method } };
    });
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    reportStore.patch({ docId: null, model: null });
    const seen: [boolean, number][] = [];
    const stop = reportStore.subscribe(() => {
      const m = reportStore.get().model;
      if (m && seen.at(-1)?.[1] !== m.findings.length) seen.push([!!m.pending, m.findings.length]);
    });
    await openDocument('apart');
    stop();
    // the view (without its findings) and the first part asked together, then the other parts
    expect(calls.slice(0, 2)).toEqual([['documentView', { id: 'apart', findings: 'apart' }], ['documentFindings', { id: 'apart', from: 0, size: 2000 }]]);
    const parts = calls.slice(1).map(([m, r]) => [m, (r as { from: number }).from]);
    expect(parts).toEqual(Array.from({ length: Math.ceil(findings.length / 2000) }, (_, i) => ['documentFindings', i * 2000]));
    expect(seen).toEqual([[true, 0], [false, findings.length]]);
    expect(reportStore.get().model!.findings).toEqual(unpackFindings(packed, text));

    // findings of another state of the report (a count that does not match): the whole view is asked for
    stale = true;
    calls.length = 0;
    reportStore.patch({ docId: null, model: null });
    await openDocument('apart');
    expect(calls.at(-1)).toEqual(['documentView', { id: 'apart' }]);
    expect(calls.filter(([m]) => m === 'documentView')).toHaveLength(2);
    expect(reportStore.get().model!.findings).toEqual(unpackFindings(packed, text));
  });
});
