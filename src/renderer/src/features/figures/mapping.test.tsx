// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, PivotView } from '../../../../core/api';
import { setClientForTests } from '../../api/client';
import { errorStore } from '../errors/store';
import { setLang } from '../i18n/i18n';
import { FiguresView } from './FiguresView';
import { filterUnmapped, isIndicatorCandidate, suggestIndicator } from './mapping';
import { barOption } from './chart';
import { figuresStore, loadPivot, mapMetric } from './store';

/** A backend with two reports and one unmapped metric phrase; mapping it adds a row. */
function fakeBackend(opts: { failMap?: boolean } = {}) {
  const map: Record<string, string> = {};
  const calls: [string, unknown][] = [];
  const pivot = (): PivotView => {
    const mapped = map['问题清单'];
    return {
      indicators: ['常委会会议次数', ...(mapped ? [mapped] : [])],
      documents: [
        { id: 'ty', name: 'taiyuan-city-2024.txt', region: '太原市', year: '2023' },
        { id: 'cz', name: 'changzhi-city-2024.txt', region: '长治市', year: '2023' },
      ],
      cells: {
        常委会会议次数: { ty: { value: 9, figureId: 'fig:409-411:count', documentId: 'ty', status: 'suggested', candidates: 1, conflict: false } },
        ...(mapped ? { [mapped]: { cz: { value: 5, figureId: 'fig:900-902:count', documentId: 'cz', status: 'suggested', candidates: 1, conflict: false } } } : {}),
      },
      unmapped: mapped ? [] : [{ metric: '问题清单', unit: '个', count: 3 }],
      knownIndicators: ['常委会会议次数', '问题清单个数', '任免人次'],
      indicatorMap: { ...map },
    };
  };
  const invoke = vi.fn(async (method: string, request: unknown) => {
    calls.push([method, request]);
    if (method === 'pivotGet') return { ok: true, value: pivot() };
    if (method === 'indicatorMapSet') {
      if (opts.failMap) return { ok: false, error: { code: 'store-disk-full', message: 'ENOSPC' } };
      const r = request as { metric: string; indicator: string | null };
      if (r.indicator) map[r.metric] = r.indicator;
      else delete map[r.metric];
      return { ok: true, value: { ...map } };
    }
    return { ok: false, error: { code: 'unknown-method', message: method } };
  });
  setClientForTests({ invoke, on: () => () => undefined } as unknown as ApiBridge);
  return { calls, map };
}

afterEach(() => {
  cleanup();
  figuresStore.set({ pivot: null, loading: false, sort: { key: 'region', dir: 'asc' }, chart: null, mapping: null, map: null });
  errorStore.set({ errors: [], notices: [] });
});

describe('unmapped metric → indicator mapping', () => {
  it('maps in two clicks (the picker, the indicator) and the table gains the row', async () => {
    setLang('en');
    const { calls } = fakeBackend();
    render(<FiguresView />);
    await screen.findByTestId('pivot-table');
    expect(screen.getAllByTestId('pivot-row').map((r) => r.dataset.indicator)).toEqual(['常委会会议次数']);
    const item = screen.getByTestId('unmapped-item');
    expect(item.dataset.metric).toBe('问题清单');
    expect(item.textContent).toContain('×3');

    const select = within(item).getByTestId('unmapped-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toContain('问题清单个数');
    await act(async () => {
      fireEvent.change(select, { target: { value: '问题清单个数' } });
    });
    await vi.waitFor(() => expect(screen.getAllByTestId('pivot-row').map((r) => r.dataset.indicator)).toEqual(['常委会会议次数', '问题清单个数']));
    expect(calls.map(([m]) => m)).toEqual(['pivotGet', 'indicatorMapSet', 'pivotGet']);
    expect(calls[1][1]).toEqual({ metric: '问题清单', indicator: '问题清单个数' });
    expect(screen.queryByTestId('unmapped-item')).toBeNull();
    // the new row's cell shows the value under its report
    const row = screen.getAllByTestId('pivot-row')[1];
    expect(within(row).getByTestId('pivot-cell').textContent).toBe('5');
    expect(errorStore.get().notices.at(-1)?.text).toBe('“问题清单” now counts as 问题清单个数.');
    // "Your mappings" lists it, with a way back
    expect(screen.getByText('Your mappings')).toBeTruthy();
  });

  it('a new indicator name is suggested from the phrase and its unit, and can be typed', async () => {
    const { calls } = fakeBackend();
    render(<FiguresView />);
    const item = await screen.findByTestId('unmapped-item');
    await act(async () => {
      fireEvent.change(within(item).getByTestId('unmapped-select'), { target: { value: '\u0000new' } });
    });
    const input = within(item).getByTestId('unmapped-new-name') as HTMLInputElement;
    expect(input.value).toBe('问题清单个数');
    fireEvent.change(input, { target: { value: '整改问题数' } });
    await act(async () => {
      fireEvent.click(within(item).getByTestId('unmapped-new-ok'));
    });
    await vi.waitFor(() => expect(calls.some(([m, r]) => m === 'indicatorMapSet' && (r as { indicator: string }).indicator === '整改问题数')).toBe(true));
    await vi.waitFor(() => expect(screen.getAllByTestId('pivot-row').map((r) => r.dataset.indicator)).toContain('整改问题数'));
  });

  it('a failed mapping goes to the error presenter and the table is not refetched', async () => {
    const { calls } = fakeBackend({ failMap: true });
    await loadPivot();
    expect(await mapMetric('问题清单', '问题清单个数')).toBe(false);
    expect(calls.map(([m]) => m)).toEqual(['pivotGet', 'indicatorMapSet']);
    expect(errorStore.get().errors.at(-1)?.context).toBe('indicatorMapSet');
    expect(figuresStore.get().mapping).toBeNull();
    expect(figuresStore.get().pivot?.unmapped).toHaveLength(1);
  });

  it('suggests names in the dictionary style and filters the list', () => {
    expect(suggestIndicator({ metric: '措施', unit: '项' })).toBe('措施项数');
    expect(suggestIndicator({ metric: '召开会议', unit: '次' })).toBe('召开会议次数');
    expect(suggestIndicator({ metric: '代表', unit: '名' })).toBe('代表人数');
    expect(suggestIndicator({ metric: '办结', unit: '%' })).toBe('办结率');
    expect(suggestIndicator({ metric: '活动', unit: null })).toBe('活动');
    const list = [{ metric: '措施', unit: '项', count: 4 }, { metric: '问题清单', unit: '个', count: 3 }];
    expect(filterUnmapped(list, '问题').map((u) => u.metric)).toEqual(['问题清单']);
    expect(filterUnmapped(list, ' ')).toHaveLength(2);
  });
});

// issue 15 (16): anniversaries, terms and events are not indicators; a report that states no figure is named in the chart
describe('indicator candidates and the chart of a missing figure', () => {
  it('leaves phrases counted in calendar or ordinal units, and event names, out of the unmapped list', () => {
    expect(isIndicatorCandidate({ metric: '中华人民共和国成立', unit: '周年' })).toBe(false);
    expect(isIndicatorCandidate({ metric: '全国人民代表大会成立', unit: '周年' })).toBe(false);
    expect(isIndicatorCandidate({ metric: '人民代表大会', unit: '届' })).toBe(false);
    expect(isIndicatorCandidate({ metric: '毛泽东同志诞辰', unit: null })).toBe(false);
    expect(isIndicatorCandidate({ metric: '问题清单', unit: '个' })).toBe(true);
    expect(isIndicatorCandidate({ metric: '措施', unit: '项' })).toBe(true);
    const list = [{ metric: '中华人民共和国成立', unit: '周年', count: 4 }, { metric: '问题清单', unit: '个', count: 3 }];
    expect(filterUnmapped(list, '').map((u) => u.metric)).toEqual(['问题清单']);
  });

  it('labels a report without the figure "not stated" under its bar', () => {
    const theme = { font: 'sans-serif', text: '#000', muted: '#666', border: '#ccc', accent: '#00f', background: '#fff' };
    const col = (id: string, region: string) => ({ id, name: `${id}.txt`, region, year: '2023' });
    const o = barOption('满意率', [{ column: col('a', '绛县'), value: 97.5 }, { column: col('b', '太原市'), value: null }], theme, String, undefined, '未提及');
    expect(o.xAxis.data).toEqual(['绛县 2023', '太原市 2023\n未提及']);
  });
});

