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

/**
 * Units that do not count work done: an anniversary (成立75周年), a term or session (第十五届), an
 * age, a span of calendar time. A phrase counted in them names an event or a period, not an
 * indicator a report would be compared on.
 */
const NOT_COUNTED_UNITS = new Set(['周年', '届', '岁', '年', '年度', '个月', '月', '日', '天', '号', '小时', '分钟', '周', '世纪', '年代']);
/** Phrases that name an event or a person rather than a quantity of work (…成立, …诞辰, …召开). */
const EVENT_PHRASE = /(?:成立|诞辰|建党|建国|建军|建校|胜利|解放|召开|开幕|闭幕|逝世|纪念)$/u;

/** Whether an unmapped metric phrase can be an indicator (a general rule, not a list of phrases). */
export function isIndicatorCandidate(u: Pick<Unmapped, 'metric' | 'unit'>): boolean {
  const metric = u.metric.trim();
  if ([...metric].length < 2) return false;
  if (u.unit && NOT_COUNTED_UNITS.has(u.unit.trim())) return false;
  if (EVENT_PHRASE.test(metric)) return false;
  return true;
}

/** The unmapped phrases worth mapping (see isIndicatorCandidate), filtered by the query. */
export function filterUnmapped(list: readonly Unmapped[], query: string): Unmapped[] {
  const q = query.trim().toLowerCase();
  const candidates = list.filter(isIndicatorCandidate);
  return q ? candidates.filter((u) => u.metric.toLowerCase().includes(q) || (u.unit ?? '').includes(q)) : candidates;
}
