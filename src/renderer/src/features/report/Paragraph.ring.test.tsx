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

  it('one ring: the first piece opens it, the last closes it, the ones between carry only its top and bottom', () => {
    const { container } = render(<Paragraph index={0} para={model.paragraphs[0]} text={model.index} marks={model.marks[0]} reviews={{}} sig="" selectedId="dup" lang="zh-Hans" />);
    const pieces = [...container.querySelectorAll('.seg.sel')];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.map((e) => e.textContent).join('')).toBe(text.slice(dupStart, dupEnd));
    const edge = (e: Element): string => (e.classList.contains('sel-first') ? 'first' : e.classList.contains('sel-last') ? 'last' : e.classList.contains('sel-mid') ? 'mid' : 'whole');
    expect(pieces.map(edge)).toEqual(['first', ...pieces.slice(2).map(() => 'mid'), 'last']);
  });

  it('a finding in one piece keeps its whole ring', () => {
    const { container } = render(<Paragraph index={0} para={model.paragraphs[0]} text={model.index} marks={model.marks[0]} reviews={{}} sig="" selectedId="f2" lang="zh-Hans" />);
    const pieces = [...container.querySelectorAll('.seg.sel')];
    expect(pieces).toHaveLength(1);
    expect(pieces[0].className).not.toMatch(/sel-(first|mid|last)/);
  });
});
