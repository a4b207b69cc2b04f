/**
 * Teammates' decisions on one finding, as the inspector shows them (pure): who accepted,
 * rejected or corrected it and the values they gave, filtered by analyst or "my work only".
 */
import type { TeamDecision, TeamLayerInfo } from '../../../../core/team/api';
import { isAcceptedStatus } from '../../../../core/document/effective';

export interface LayerFilter {
  /** one teammate's layer, or every teammate's ('all') */
  analyst: string;
  /** hide the teammates' layers */
  mineOnly: boolean;
}

export const DEFAULT_LAYER_FILTER: LayerFilter = { analyst: 'all', mineOnly: false };

type Named = Pick<TeamLayerInfo, 'analyst' | 'name' | 'isMe'>;

/** The teammates' decisions the inspector lists for a finding: never the analyst's own (the inspector shows that), filtered, by name. */
export function visibleDecisions(decisions: readonly TeamDecision[] | undefined, layers: readonly Named[], filter: LayerFilter): TeamDecision[] {
  if (!decisions || filter.mineOnly) return [];
  const me = new Set(layers.filter((l) => l.isMe).map((l) => l.analyst));
  const name = (id: string): string => layers.find((a) => a.analyst === id)?.name ?? id;
  return decisions
    .filter((d) => !me.has(d.analyst) && d.status !== 'suggested' && (filter.analyst === 'all' || d.analyst === filter.analyst))
    .sort((x, y) => name(x.analyst).localeCompare(name(y.analyst), 'zh-CN') || (x.analyst < y.analyst ? -1 : x.analyst > y.analyst ? 1 : 0));
}

/**
 * Whether two analysts decided a finding the same way: both rejected it, or both asserted it
 * (accepted or corrected) with the same kind, value and unit — accepted-as-found and
 * corrected-to-the-same-values agree, as in the adjudication's `agree` class.
 */
export function sameDecision(a: Pick<TeamDecision, 'status' | 'kind' | 'value' | 'unit'>, b: Pick<TeamDecision, 'status' | 'kind' | 'value' | 'unit'> | undefined): boolean {
  if (!b) return false;
  const aa = isAcceptedStatus(a.status);
  const ba = isAcceptedStatus(b.status);
  if (aa !== ba) return false;
  if (!aa) return a.status === b.status;
  return a.kind === b.kind && a.value === b.value && a.unit === b.unit;
}

/** Corrected fields worth showing beside a decision besides kind, value and unit (which are always shown for figures). */
export function otherFields(fields: Record<string, unknown>): [string, unknown][] {
  const skip = new Set(['kind', 'value', 'unit', 'start', 'end', 'text']);
  return Object.keys(fields)
    .filter((k) => !skip.has(k) && fields[k] !== undefined)
    .sort()
    .map((k): [string, unknown] => [k, fields[k]]);
}
