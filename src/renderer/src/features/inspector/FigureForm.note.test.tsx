// @vitest-environment jsdom
/** [figures-note] The inspector says why a figure has no value, in the analyst's language. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/store-schema';
import { setLang } from '../i18n/i18n';
import { FigureForm } from './FigureForm';

afterEach(cleanup);

const minguo: Extract<Finding, { type: 'figure' }> = {
  type: 'figure', id: 'fig:m', origin: 'detector',
  data: { text: '民國108年', start: 0, end: 6, kind: 'date', value: null, value_to: null, unit: null, approx: null, metric: null, note: { code: 'minguo-year', params: { year: 108 } } },
};

describe('FigureForm note on an uncertain value', () => {
  it('shows the note with its parameters in English and Chinese', () => {
    setLang('en');
    const en = render(<FigureForm finding={minguo} review={undefined} />);
    expect(en.getByTestId('figure-note').textContent).toBe('Minguo (ROC) year 108: not read as a Gregorian year.');
    cleanup();
    setLang('zh');
    const zh = render(<FigureForm finding={minguo} review={undefined} />);
    expect(zh.getByTestId('figure-note').textContent).toBe('民国纪年 108 年：不按公历年份读取。');
  });
  it('is gone once the analyst gave a value', () => {
    setLang('en');
    const r = render(<FigureForm finding={minguo} review={{ status: 'corrected', fields: { value: 2019 }, tags: [], updatedAt: '2026-01-01T00:00:00Z' } as never} />);
    expect(r.queryByTestId('figure-note')).toBeNull();
  });
});
