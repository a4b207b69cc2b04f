/** Helpers of the unmapped-metrics panel: a suggested indicator name and the list filter. Pure. */
import type { PivotView } from '../../../../core/api';

export type Unmapped = PivotView['unmapped'][number];

const UNIT_SUFFIX: Record<string, string> = { 次: '次数', 件: '件数', 项: '项数', 个: '个数', 名: '人数', 人: '人数', 人次: '人次', 家: '家数', 条: '条数', 篇: '篇数', 期: '期数', 场: '场数', 部: '部数', '%': '率' };

/** 措施 + 项 → 措施项数; 召开会议 + 次 → 召开会议次数 (the dictionary's naming: phrase + counted unit). */
export function suggestIndicator(u: Pick<Unmapped, 'metric' | 'unit'>): string {
  const metric = u.metric.trim();
  const suffix = u.unit ? (UNIT_SUFFIX[u.unit] ?? `${u.unit}数`) : '';
  return metric.endsWith(suffix) ? metric : `${metric}${suffix}`;
}

export function filterUnmapped(list: readonly Unmapped[], query: string): Unmapped[] {
  const q = query.trim().toLowerCase();
  return q ? list.filter((u) => u.metric.toLowerCase().includes(q) || (u.unit ?? '').includes(q)) : [...list];
}
