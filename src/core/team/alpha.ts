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

/**
 * Alpha over units of exactly two values (a matched pair), accumulated one pair at a time and
 * mergeable, in O(distinct values) memory: what pairwise agreement over a whole workspace
 * needs. Gives the same figures as `krippendorffAlpha` over the same pairs.
 * For a pair Σ_{i≠j} δ / (m − 1) = 2·δ(x, y); the expected disagreement comes from the value
 * counts (nominal) or from the running mean and sum of squared deviations (interval, merged
 * with Chan's formula so that large values keep their differences).
 */
export class PairAlpha {
  private units = 0;
  private doSum = 0;
  /** nominal: how often each value was given (made on first use: accumulators are many and mostly small) */
  private counts: Map<string | number, number> | null = null;
  /** interval: values seen, their running mean and sum of squared deviations */
  private n = 0;
  private mean = 0;
  private m2 = 0;
  /** interval: the first value, and whether any other value differed from it */
  private first: number | null = null;
  private varies = false;

  constructor(readonly metric: AlphaMetric) {}

  add(x: string | number, y: string | number): void {
    this.units++;
    if (this.metric === 'nominal') {
      if (x !== y) this.doSum += 2;
      const counts = (this.counts ??= new Map());
      counts.set(x, (counts.get(x) ?? 0) + 1);
      counts.set(y, (counts.get(y) ?? 0) + 1);
      return;
    }
    const a = x as number;
    const b = y as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new TypeError(`interval alpha needs finite numbers, got ${x}, ${y}`);
    this.doSum += 2 * (a - b) * (a - b);
    this.note(a);
    this.note(b);
    this.push(a);
    this.push(b);
  }

  private note(v: number): void {
    if (this.first === null) this.first = v;
    else if (v !== this.first) this.varies = true;
  }

  private push(v: number): void {
    this.n++;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (v - this.mean);
  }

  merge(o: PairAlpha): void {
    if (o.metric !== this.metric) throw new Error('metric mismatch');
    if (o.units === 0) return; // nothing to add (most kinds have no unit or value pairs)
    this.units += o.units;
    this.doSum += o.doSum;
    if (this.metric === 'nominal') {
      if (o.counts) {
        const counts = (this.counts ??= new Map());
        for (const [k, c] of o.counts) counts.set(k, (counts.get(k) ?? 0) + c);
      }
      return;
    }
    if (o.first !== null) this.note(o.first);
    if (o.varies) this.varies = true;
    const na = this.n;
    const nb = o.n;
    if (nb === 0) return;
    const n = na + nb;
    const d = o.mean - this.mean;
    this.mean += (d * nb) / n;
    this.m2 += o.m2 + (d * d * na * nb) / n;
    this.n = n;
  }

  result(): AlphaResult {
    const n = 2 * this.units;
    if (n < 2) return { alpha: null, units: this.units, values: n, observed: n === 0 ? null : 0 };
    const observed = this.doSum / n;
    let pairSum: number;
    if (this.metric === 'nominal') {
      let same = 0;
      for (const c of this.counts?.values() ?? []) same += c * c;
      pairSum = n * n - same;
    } else pairSum = this.varies ? 2 * n * this.m2 : 0;
    const expected = pairSum / (n * (n - 1));
    if (expected === 0) return { alpha: null, units: this.units, values: n, observed };
    return { alpha: 1 - observed / expected, units: this.units, values: n, observed };
  }
}
