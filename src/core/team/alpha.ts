/**
 * Krippendorff's alpha (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011), for
 * any number of coders with missing values, with the nominal and the interval metric. Pure.
 *
 * A unit is the list of values the coders gave it (a coder who gave none is simply absent).
 * Units with fewer than two values are not pairable and are left out. With n pairable values,
 *
 *   Do = 1/n · Σ_u 1/(m_u − 1) · Σ_{i≠j in u} δ(v_i, v_j)
 *   De = 1/(n(n − 1)) · Σ_{i≠j over all pairable values} δ(v_i, v_j)
 *   α  = 1 − Do / De
 *
 * δ is 0/1 for nominal and (a − b)² for interval. Both sums are computed in O(n) (counts for
 * nominal; Σ_{i≠j}(v_i − v_j)² = 2m · Σ(v_i − mean)² for interval, centred so that values in
 * the billions of yuan do not lose their differences to rounding).
 *
 * α is null when it is undefined: fewer than two pairable values, or no variation at all among
 * them (De = 0: every coder gave every unit the same value — full agreement, but on data that
 * cannot tell agreement from chance; `observed` then says 0 disagreement).
 */

export type AlphaMetric = 'nominal' | 'interval';

export interface AlphaResult {
  /** Krippendorff's alpha, or null when undefined (see above) */
  alpha: number | null;
  /** units with two values or more */
  units: number;
  /** pairable values (n) */
  values: number;
  /** observed disagreement Do (0 = the coders agree on every unit), null without pairable values */
  observed: number | null;
}

/** Σ_{i≠j} δ(v_i, v_j) over one list of values. */
function pairSum(values: readonly (string | number)[], metric: AlphaMetric): number {
  const m = values.length;
  if (m < 2) return 0;
  if (metric === 'nominal') {
    const counts = new Map<string | number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let same = 0;
    for (const c of counts.values()) same += c * c;
    return m * m - same;
  }
  // equal values differ by nothing (a float mean of equal values need not equal them)
  if (values.every((v) => v === values[0])) return 0;
  let mean = 0;
  for (const v of values) mean += v as number;
  mean /= m;
  let ss = 0;
  for (const v of values) {
    const d = (v as number) - mean;
    ss += d * d;
  }
  return 2 * m * ss;
}

/**
 * Alpha over `units` (each the values coders gave one unit). Nominal values are compared with
 * `===` (strings or numbers); interval values must be finite numbers.
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<string | number>>, metric: AlphaMetric): AlphaResult {
  let n = 0;
  let pairable = 0;
  let doSum = 0;
  const all: (string | number)[] = [];
  for (const u of units) {
    if (u.length < 2) continue;
    if (metric === 'interval') for (const v of u) if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`interval alpha needs finite numbers, got ${String(v)}`);
    pairable++;
    n += u.length;
    doSum += pairSum(u, metric) / (u.length - 1);
    for (const v of u) all.push(v);
  }
  if (n < 2) return { alpha: null, units: pairable, values: n, observed: n === 0 ? null : 0 };
  const observed = doSum / n;
  const expected = pairSum(all, metric) / (n * (n - 1));
  if (expected === 0) return { alpha: null, units: pairable, values: n, observed };
  return { alpha: 1 - observed / expected, units: pairable, values: n, observed };
}
