// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { setLang, setNumberStyle } from '../i18n/i18n';
import { FigureForm } from './FigureForm';

afterEach(cleanup);

const figure = (kind: 'date' | 'count', text: string, value: number): Extract<Finding, { type: 'figure' }> => ({
  type: 'figure', id: `fig:${kind}`, origin: 'detector', data: { text, start: 0, end: text.length, kind, value, value_to: null, unit: '年', approx: null, metric: null },
});

describe('FigureForm value preview (issue 15 #11)', () => {
  it('a date shows its year as it is written (= 2023), a count as a quantity (= 2,023)', () => {
    setLang('en');
    setNumberStyle('grouped');
    const date = render(<FigureForm finding={figure('date', '2023年', 2023)} review={undefined} />);
    expect(date.container.querySelector('.preview')?.textContent).toBe('= 2023');
    cleanup();
    const count = render(<FigureForm finding={figure('count', '2023人', 2023)} review={undefined} />);
    expect(count.container.querySelector('.preview')?.textContent).toBe('= 2,023');
  });
});
