// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../../core/analyze';
import type { ApiBridge, PackedDocumentView } from '../../../../core/api';
import { defectId } from '../../../../core/document/ids';
import { packFindings } from '../../../../core/findings-pack';
import type { Finding } from '../../../../core/store-schema';
import { setClientForTests } from '../../api/client';
import { setLang } from '../i18n/i18n';
import { DefectPanel } from '../inspector/DefectPanel';
import { matchKey } from '../shortcuts/keys';
import { runCommand } from '../shortcuts/commands';
import { buildModel } from './model';
import { ReportWideNotice } from './ReportWideNotice';
import { openDocument, reportStore } from './store';

afterEach(cleanup);

const para = '全年完成固定资产投资增长5%,经济运行稳中向好;人民生活持续改善,社会大局和谐稳定。';
const text = `\n\n${para}\n\n${para}\n\n${para}\n\n${para}\n\n召开常委会会议9次。\n`;
const analysis = analyzeText(text);
const findings: Finding[] = [
  ...analysis.figures.map((d, i): Finding => ({ type: 'figure', id: `fig:${i}`, origin: 'detector', data: d })),
  ...analysis.defects.map((d): Finding => ({ type: 'defect', id: defectId(d), origin: 'detector', data: d })),
];
const wide = findings.find((f) => f.type === 'defect' && f.data.kind === 'mixed_punctuation') as Extract<Finding, { type: 'defect' }>;

describe('a report-wide finding (issue 15 #2)', () => {
  it('is a notice, not marks painted over the text; it stays in the review order', () => {
    const model = buildModel(text, findings);
    expect(model.reportWide.map((f) => f.id)).toEqual([wide.id]);
    expect(model.marks.flat().some((m) => m.id === wide.id)).toBe(false);
    expect(model.order.some((f) => f.id === wide.id)).toBe(true);
  });

  it('its fix preview shows a few samples, and no field holding the whole report', () => {
    setLang('zh');
    reportStore.patch({ model: buildModel(text, findings) });
    render(<DefectPanel finding={wide} review={undefined} />);
    const samples = screen.getByTestId('fix-samples');
    expect(samples.querySelectorAll('li')).toHaveLength(3);
    expect(samples.querySelectorAll('del')).toHaveLength(3);
    expect(samples.textContent!.length).toBeLessThan(120);
    expect(screen.queryByTestId('field-replacement')).toBeNull();
    expect(screen.getByTestId('defect-reason').textContent).toBe('全文使用半角标点：共 12 处应改为全角。');
  });

  it('the notice says the count, and one key (Shift+P) accepts the fix', async () => {
    setLang('zh');
    const meta = { id: 'w', path: 'w.txt', name: 'w.txt', format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: '', length: text.length, importedAt: '', counts: { figures: 0, duplicates: 0, defects: 1, reviewed: 0, total: 1 }, metadata: {} } as const;
    const view: PackedDocumentView = { meta: { ...meta }, text, findings: packFindings(findings, text), reviews: {}, orphans: [], canUndo: false, canRedo: false };
    const calls: [string, unknown][] = [];
    const invoke = vi.fn(async (method: string, req: unknown) => {
      calls.push([method, req]);
      if (method === 'documentView') return { ok: true, value: view };
      if (method === 'reviewApply') {
        const review = { findingId: wide.id, status: 'accepted', fields: {}, tags: [], note: '', updatedAt: 's', annotator: 'a', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } };
        return { ok: true, value: { findings: null, canUndo: true, canRedo: false, meta: { ...meta }, reviews: { [wide.id]: review } } };
      }
      return { ok: false, error: { code: 'unknown-method', message: method } };
    });
    setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
    await openDocument('w');
    render(<ReportWideNotice />);
    expect(screen.getByTestId('report-wide-notice').textContent).toContain('本报告全文使用半角标点：共 12 处应改为全角。');
    const m = matchKey({ key: 'P', shiftKey: true, ctrlKey: false, metaKey: false, altKey: false });
    expect(m?.id).toBe('fixReportWide');
    await act(async () => {
      runCommand(m!);
      await vi.waitFor(() => expect(reportStore.get().reviews[wide.id]?.status).toBe('accepted'));
    });
    // the request goes after the frame that shows the decision
    await vi.waitFor(() => expect(calls).toContainEqual(['reviewApply', { documentId: 'w', action: { type: 'setStatus', findingIds: [wide.id], status: 'accepted' } }]));
    expect(screen.getByTestId('report-wide-notice').getAttribute('data-status')).toBe('accepted');
    expect((screen.getByTestId('report-wide-fix') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('report-wide-show'));
    expect(reportStore.get().selectedId).toBe(wide.id);
  });
});

describe('a hard-wrapped report (one finding joining its line breaks)', () => {
  const sentence = '今年以来，全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，经济运行持续回升向好，各项事业取得新的进展。';
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const s = sentence.replace('今年', `第${i + 1}年`);
    lines.push(s.slice(0, 25), s.slice(25, 50), s.slice(50));
  }
  const wrapText = `\n\n${lines.join('\n')}\n`;
  const a = analyzeText(wrapText);
  const wrapFindings: Finding[] = a.defects.map((d): Finding => ({ type: 'defect', id: defectId(d), origin: 'detector', data: d }));
  const wrap = wrapFindings.find((f) => f.type === 'defect' && f.data.kind === 'broken_paragraph' && f.data.end - f.data.start > 1000) as Extract<Finding, { type: 'defect' }>;
  const joins = wrap.data.text.length - (wrap.data.replacement ?? '').length;

  it('is a notice with the count of joins, not a mark over every paragraph', () => {
    const model = buildModel(wrapText, wrapFindings);
    expect(model.reportWide.map((f) => f.id)).toEqual([wrap.id]);
    expect(model.marks.flat().some((m) => m.id === wrap.id)).toBe(false);
    setLang('en');
    reportStore.patch({ model });
    render(<ReportWideNotice />);
    expect(screen.getByTestId('report-wide-notice').textContent).toContain(`This report is hard-wrapped: ${joins} line breaks inside sentences to join.`);
    expect(screen.getByTestId('report-wide-fix').textContent).toBe('Join them all');
  });

  it('the inspector shows three joins, not the report twice, and no field holding it', () => {
    setLang('zh');
    reportStore.patch({ model: buildModel(wrapText, wrapFindings) });
    render(<DefectPanel finding={wrap} review={undefined} />);
    const samples = screen.getByTestId('fix-samples');
    expect(samples.querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByTestId('defect-panel').textContent!.length).toBeLessThan(400);
    expect(screen.queryByTestId('field-replacement')).toBeNull();
    expect(screen.getByTestId('defect-reason').textContent).toContain(`${joins} 处换行`);
  });

  it('a long defect that is not report-wide is previewed by samples too (its text never laid out whole)', () => {
    const body = '经济运行持续回升向好'.repeat(300);
    const long: Extract<Finding, { type: 'defect' }> = { type: 'defect', id: 'def:caption:0-3000', origin: 'detector', data: { kind: 'caption', start: 0, end: 3000, text: body, replacement: '' } };
    reportStore.patch({ model: buildModel(body, [long]) });
    render(<DefectPanel finding={long} review={undefined} />);
    expect(screen.getByTestId('defect-panel').textContent!.length).toBeLessThan(600);
    expect(screen.queryByTestId('field-replacement')).toBeNull();
  });
});
