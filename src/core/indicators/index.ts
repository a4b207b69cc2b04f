/**
 * Canonical indicators: metric phrases of figures mapped to the indicator an analyst compares
 * across reports (常委会会议次数, 任免人次, 办结率, …), from resources/indicators/zh.json; the
 * workspace's own mapping (metric phrase → indicator) wins. Plus a pivot builder:
 * indicators × documents → cells. Pure.
 */
import dictionaryJson from '../../../resources/indicators/zh.json';
import type { Figure } from '../schema';
import type { ReviewStatus } from '../store-schema';

export interface IndicatorRule {
  id: string;
  kinds: string[];
  units: string[];
  /** every pattern must match the metric */
  all: string[];
  /** at least one must match (when given) */
  any?: string[];
  /** none may match */
  none?: string[];
  /** a yearly total a report states once (compared between summary and body by the checks) */
  total?: boolean;
}

interface CompiledRule {
  id: string;
  kinds: Set<string>;
  units: Set<string>;
  all: RegExp[];
  any: RegExp[];
  none: RegExp[];
  total: boolean;
}

export interface IndicatorDictionary {
  rules: CompiledRule[];
}

export function compileDictionary(rules: readonly IndicatorRule[]): IndicatorDictionary {
  return {
    rules: rules.map((r) => ({
      id: r.id,
      kinds: new Set(r.kinds),
      units: new Set(r.units.map(normaliseUnit)),
      all: r.all.map((p) => new RegExp(p, 'u')),
      any: (r.any ?? []).map((p) => new RegExp(p, 'u')),
      none: (r.none ?? []).map((p) => new RegExp(p, 'u')),
      total: r.total === true,
    })),
  };
}

export const DEFAULT_RULES: readonly IndicatorRule[] = (dictionaryJson as { indicators: IndicatorRule[] }).indicators;
let defaultDictionary: IndicatorDictionary | null = null;
export function defaultIndicatorDictionary(): IndicatorDictionary {
  return (defaultDictionary ??= compileDictionary(DEFAULT_RULES));
}

/** Whether the indicator is a yearly total stated once per report. */
export function isTotalIndicator(id: string, dictionary: IndicatorDictionary = defaultIndicatorDictionary()): boolean {
  return dictionary.rules.some((r) => r.id === id && r.total);
}

/** The canonical indicator names of the default dictionary, in dictionary order. */
export function indicatorIds(dictionary: IndicatorDictionary = defaultIndicatorDictionary()): string[] {
  return [...new Set(dictionary.rules.map((r) => r.id))];
}

export function normaliseUnit(u: unknown): string {
  if (typeof u !== 'string' || !u) return '';
  return u.replace(/[\s（）()]/g, '').replace(/％/g, '%');
}

/** A metric phrase as user mappings are keyed: whitespace and quotes dropped, width folded. */
export function normaliseMetric(m: unknown): string {
  if (typeof m !== 'string' || !m) return '';
  return m.replace(/[\s“”"「」『』]/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Lookup structure for a workspace's indicatorMap (metric phrase → indicator). */
export interface UserIndicatorMap {
  exact: Map<string, string>;
  /** phrases longest first, for "metric contains phrase" matches */
  phrases: [string, string][];
}

export function compileUserMap(map: Record<string, string> | undefined | null): UserIndicatorMap {
  const entries = Object.entries(map ?? {}).map(([k, v]) => [normaliseMetric(k), v] as [string, string]).filter(([k, v]) => k && v);
  return { exact: new Map(entries), phrases: entries.sort((a, b) => [...b[0]].length - [...a[0]].length) };
}

type FigureLike = Pick<Figure, 'kind' | 'unit' | 'metric'>;

/**
 * The canonical indicator of a figure, or null. The user's mapping wins: an exact metric
 * phrase first, then the longest user phrase contained in the metric; then the dictionary
 * (kind and unit listed, metric patterns match).
 */
export function indicatorFor(figure: FigureLike, userMap?: Record<string, string> | UserIndicatorMap | null, dictionary: IndicatorDictionary = defaultIndicatorDictionary()): string | null {
  const metric = normaliseMetric(figure.metric);
  const user = userMap && 'exact' in userMap && userMap.exact instanceof Map ? (userMap as UserIndicatorMap) : compileUserMap(userMap as Record<string, string> | null | undefined);
  if (metric) {
    const exact = user.exact.get(metric);
    if (exact) return exact;
    for (const [phrase, indicator] of user.phrases) if (metric.includes(phrase)) return indicator;
  }
  if (!metric || figure.kind === 'name') return null;
  const unit = normaliseUnit(figure.unit);
  for (const r of dictionary.rules) {
    if (!r.kinds.has(figure.kind) || !r.units.has(unit)) continue;
    if (!r.all.every((p) => p.test(metric))) continue;
    if (r.any.length > 0 && !r.any.some((p) => p.test(metric))) continue;
    if (r.none.some((p) => p.test(metric))) continue;
    return r.id;
  }
  return null;
}

// ---------------------------------------------------------------------------------- pivot

export interface PivotFigure {
  id: string;
  figure: FigureLike & Pick<Figure, 'value' | 'start' | 'end'>;
  status: ReviewStatus;
}

export interface PivotCell {
  value: number | null;
  figureId: string;
  documentId: string;
  status: ReviewStatus;
  /** how many figures of the document map to this indicator */
  candidates: number;
  /** true when those figures state different values */
  conflict: boolean;
}

export interface Pivot {
  indicators: string[];
  documents: string[];
  /** cells[indicator][documentId] */
  cells: Record<string, Record<string, PivotCell>>;
}

const STATUS_RANK: Record<ReviewStatus, number> = { corrected: 0, accepted: 1, suggested: 2, rejected: 3 };

/**
 * Builds the indicators × documents table one document at a time. Per cell the chosen figure
 * is the best-reviewed one (corrected, accepted, suggested), then the first in the text (the
 * summary paragraph comes first in a report). Rejected figures are never chosen.
 */
export class PivotBuilder {
  private readonly user: UserIndicatorMap;
  private readonly documents: string[] = [];
  private readonly cells = new Map<string, Map<string, { cell: PivotCell; values: Set<number | null>; rank: number; start: number }>>();

  constructor(userMap?: Record<string, string> | null, private readonly dictionary: IndicatorDictionary = defaultIndicatorDictionary()) {
    this.user = compileUserMap(userMap);
  }

  add(documentId: string, figures: Iterable<PivotFigure>): void {
    this.documents.push(documentId);
    for (const f of figures) {
      if (f.status === 'rejected') continue;
      const indicator = indicatorFor(f.figure, this.user, this.dictionary);
      if (!indicator) continue;
      let row = this.cells.get(indicator);
      if (!row) this.cells.set(indicator, (row = new Map()));
      const rank = STATUS_RANK[f.status];
      const prev = row.get(documentId);
      if (!prev) {
        row.set(documentId, { cell: { value: f.figure.value, figureId: f.id, documentId, status: f.status, candidates: 1, conflict: false }, values: new Set([f.figure.value]), rank, start: f.figure.start });
        continue;
      }
      prev.values.add(f.figure.value);
      const candidates = prev.cell.candidates + 1;
      if (rank < prev.rank || (rank === prev.rank && f.figure.start < prev.start)) {
        prev.cell = { value: f.figure.value, figureId: f.id, documentId, status: f.status, candidates, conflict: false };
        prev.rank = rank;
        prev.start = f.figure.start;
      } else prev.cell.candidates = candidates;
      prev.cell.conflict = prev.values.size > 1;
    }
  }

  result(): Pivot {
    const order = indicatorIds(this.dictionary);
    const indicators = [...this.cells.keys()].sort((a, b) => rankOf(order, a) - rankOf(order, b) || a.localeCompare(b));
    const cells: Pivot['cells'] = {};
    for (const i of indicators) cells[i] = Object.fromEntries([...(this.cells.get(i) as Map<string, { cell: PivotCell }>)].map(([d, c]) => [d, c.cell]));
    return { indicators, documents: [...this.documents], cells };
  }
}

function rankOf(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

/** Convenience: the pivot of whole documents in memory. */
export function buildPivot(docs: Iterable<{ documentId: string; figures: Iterable<PivotFigure> }>, userMap?: Record<string, string> | null): Pivot {
  const b = new PivotBuilder(userMap);
  for (const d of docs) b.add(d.documentId, d.figures);
  return b.result();
}
