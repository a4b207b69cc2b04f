// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { buildModel } from './model';
import { Paragraph } from './Paragraph';

describe('the focus ring of a selected finding cut by nested findings (issue 15 #10)', () => {
  const text = '全年召开常委会会议9次，审议法规草案4件，听取专项报告12个。\n';
  const at = (s: string): number => text.indexOf(s);
  const fig = (id: string, s: string): Finding => ({ type: 'figure', id, origin: 'detector', data: { text: s, start: at(s), end: at(s) + s.length, kind: 'count', value: 1, value_to: null, unit: null, approx: null, metric: null } });
  const dupStart = at('召开');
  const dupEnd = at('12个') + 3;
  const dup: Finding = {
    type: 'duplicate', id: 'dup', origin: 'detector',
    data: { kind: 'copied_passage', a: { start: dupStart, end: dupEnd, text: '' }, b: { start: dupStart, end: dupEnd, text: '' }, length: dupEnd - dupStart },
  };
  const model = buildModel(text, [dup, fig('f1', '9次'), fig('f2', '4件'), fig('f3', '12个')]);
  const para = (selectedId: string) => render(<Paragraph index={0} para={model.paragraphs[0]} text={model.index} marks={model.marks[0]} reviews={{}} sig="" selectedId={selectedId} lang="zh-Hans" />);

  it('one ring element around all its pieces, which carry none of their own', () => {
    const { container } = para('dup');
    const rings = container.querySelectorAll('.sel-ring');
    expect(rings).toHaveLength(1);
    expect(rings[0].textContent).toBe(text.slice(dupStart, dupEnd));
    const pieces = [...rings[0].querySelectorAll('.seg.sel')];
    expect(pieces.length).toBeGreaterThan(3);
    // every selected piece is inside the ring
    expect(container.querySelectorAll('.seg.sel')).toHaveLength(pieces.length);
    // the text is still all there, in order, each piece with its offsets
    expect(container.querySelector('p')!.textContent).toBe(text.replace('\n', ''));
    expect(pieces.map((e) => Number((e as HTMLElement).dataset.s))).toEqual([...pieces.map((e) => Number((e as HTMLElement).dataset.s))].sort((a, b) => a - b));
  });

  it('a finding in one piece keeps its own ring (no wrapper)', () => {
    const { container } = para('f2');
    expect(container.querySelectorAll('.sel-ring')).toHaveLength(0);
    expect(container.querySelectorAll('.seg.sel')).toHaveLength(1);
  });
});
