// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { setLang } from '../i18n/i18n';
import { buildModel } from '../report/model';
import { reportStore } from '../report/store';
import { DuplicatePanel } from './DuplicatePanel';

afterEach(cleanup);

describe('DuplicatePanel (issue 15 #10)', () => {
  const para = '坚持以人民为中心的发展思想。';
  const text = `${para}\n其他内容。\n${para}\n再一段。\n${para}\n`;
  const at = [0, text.indexOf(para, 1), text.lastIndexOf(para)];
  const places = at.map((s) => ({ start: s, end: s + para.length, text: '' }));
  const dup: Extract<Finding, { type: 'duplicate' }> = {
    type: 'duplicate', id: 'dup:1', origin: 'detector', data: { kind: 'exact_paragraph', a: places[0], b: places[1], length: para.length, places },
  };

  it('"found in 3 places" lists all three, and the keep buttons say what they mean', () => {
    reportStore.patch({ model: buildModel(text, [dup]) });
    setLang('zh');
    render(<DuplicatePanel finding={dup} review={undefined} />);
    expect(screen.getAllByText('共出现 3 处').length).toBeGreaterThan(0);
    const listed = screen.getAllByTestId('dup-place');
    expect(listed).toHaveLength(3);
    expect(listed.map((b) => b.textContent)).toEqual(at.map((s, i) => `第 ${i + 1} 处 · ${s}–${s + para.length} ${para}`));
    expect(screen.getByTestId('dup-keep-first').textContent).toBe('保留第一处，第二处是误重复');
    cleanup();
    setLang('en');
    render(<DuplicatePanel finding={dup} review={undefined} />);
    expect(screen.getByTestId('dup-keep-first').textContent).toBe('Keep the first, the second is the mistake');
    expect(screen.getByTestId('dup-keep-first').textContent).not.toMatch(/^Error/);
  });
});
