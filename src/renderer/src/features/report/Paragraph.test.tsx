// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding, Review } from '../../../../core/store-schema';
import { buildModel } from './model';
import { Paragraph } from './Paragraph';

describe('Paragraph', () => {
  const text = '𠀀报告😀：召开会议9次，<b>投入3400万元</b>。';
  const cps = [...text];
  const s1 = cps.indexOf('9');
  const s2 = cps.indexOf('3');
  const findings: Finding[] = [
    { type: 'figure', id: 'f1', origin: 'detector', data: { text: '9次', start: s1, end: s1 + 2, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null } },
    { type: 'figure', id: 'f2', origin: 'detector', data: { text: '3400万元', start: s2, end: s2 + 6, kind: 'money', value: 34e6, value_to: null, unit: '元', approx: null, metric: null } },
    { type: 'defect', id: 'd1', origin: 'detector', data: { kind: 'markup_residue', start: s2 - 5, end: s2 + 6, text: '', replacement: '' } },
  ];
  const model = buildModel(text, findings);
  const reviews: Record<string, Review> = {
    f2: { findingId: 'f2', status: 'corrected', fields: { value: 1 }, tags: [], note: '', updatedAt: 't', annotator: 'a', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } },
  };

  it('renders report text as text (markup stays literal) with highlights on the right characters', () => {
    const { container } = render(<Paragraph index={0} para={model.paragraphs[0]} text={model.index} marks={model.marks[0]} reviews={reviews} sig="" selectedId="f1" lang="zh-Hans" />);
    const p = container.querySelector('p')!;
    expect(p.textContent).toBe(text);
    expect(p.querySelector('b')).toBeNull();
    const f1 = container.querySelector('[data-fid="f1"]')!;
    expect(f1.textContent).toBe('9次');
    expect(f1.className).toContain('k-fig');
    expect(f1.className).toContain('sel');
    expect(f1.className).toContain('s-suggested');
    const f2 = [...container.querySelectorAll('[data-fid="f2"]')];
    expect(f2.map((e) => e.textContent).join('')).toBe('3400万元');
    // overlapped by the defect: both kinds on the segment, corrected corner on the last piece
    expect(f2[0].className).toContain('k-def');
    expect(f2.at(-1)!.className).toContain('corner');
  });
});
