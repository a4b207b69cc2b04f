/**
 * The agreement matrix as the Team page shows it (pure): one measure for one kind, analyst ×
 * analyst. A cell says its number to two decimals ("—" where the figure is undefined: no shared
 * report, nothing asserted, or no variation for alpha) and a band for its tint (legible without
 * colour: the number is there).
 */
import { type AgreementMeasure, type PairAgreement, measureOf } from '../../../../core/team';

export const MEASURES: readonly AgreementMeasure[] = ['f1', 'status', 'unit', 'value', 'kind'];

/** Measures that exist for a kind: `kind` only pooled over all kinds, `value` never pooled (core/team/agreement). */
export function measuresFor(kind: string): AgreementMeasure[] {
  return MEASURES.filter((m) => (kind === 'all' ? m !== 'value' : m !== 'kind'));
}

export type Band = 'high' | 'mid' | 'low' | 'none';

/** Krippendorff's usual reading: ≥ 0.8 reliable, ≥ 0.667 tentative, below that not; the same cut for F1. */
export function bandOf(v: number | null | undefined): Band {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'none';
  if (v >= 0.8) return 'high';
  if (v >= 0.667) return 'mid';
  return 'low';
}

export function formatMeasure(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2);
}

export interface MatrixCell {
  value: number | null;
  text: string;
  band: Band;
  diagonal: boolean;
}

/** Cells of a matrix as given (rows and columns in the analysts' order); the diagonal is left blank. */
export function cellsOf(matrix: readonly (readonly (number | null)[])[] | undefined, n: number): MatrixCell[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (__, j) => {
      const diagonal = i === j;
      const v = diagonal ? null : (matrix?.[i]?.[j] ?? null);
      return { value: v, text: diagonal ? '' : formatMeasure(v), band: diagonal ? 'none' : bandOf(v), diagonal };
    }),
  );
}

/** The figures of one pair for the table under the matrix. */
export function pairFigure(pair: PairAgreement, kind: string, measure: AgreementMeasure): number | null {
  return measureOf(pair, kind, measure);
}
