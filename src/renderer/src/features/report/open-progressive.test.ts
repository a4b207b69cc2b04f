// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../../core/analyze';
import type { ApiBridge, PackedDocumentView } from '../../../../core/api';
import { packFindings } from '../../../../core/findings-pack';
import { findingsFromAnalysis } from '../../../../core/review';
import { setClientForTests } from '../../api/client';
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
});
