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

/** The strings of flat accumulator states (values, kinds, analysts), each written once as its index. */
export class FlatStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(list: readonly string[] = []) {
    for (const s of list) this.id(s);
  }

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
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
      const counts = (this.counts ??= new Map());
      // the same value twice (most pairs): one look-up, the same counts and insertion order as two
      if (x === y) {
        counts.set(x, (counts.get(x) ?? 0) + 2);
        return;
      }
      this.doSum += 2;
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

  /**
   * Appends the accumulator's state to `out` as numbers (a machine-local cache keeps per-report
   * accumulators between sessions, in a Float64Array): `units`, then when units > 0 — nominal:
   * doSum, the number of values, then (value's index in `strings`, count) per value in
   * insertion order; interval: doSum, n, mean, m2, first, varies (0/1). False when the state
   * cannot be written exactly (a nominal value that is not a string, a number that is not
   * finite or is −0): such a state is not kept.
   */
  writeFlat(out: number[], strings: FlatStrings): boolean {
    out.push(this.units);
    if (this.units === 0) return true;
    if (this.metric === 'nominal') {
      const counts = this.counts ?? new Map<string | number, number>();
      out.push(this.doSum, counts.size);
      for (const [k, c] of counts) {
        if (typeof k !== 'string') return false;
        out.push(strings.id(k), c);
      }
      return Number.isFinite(this.doSum);
    }
    const nums = [this.doSum, this.n, this.mean, this.m2, this.first ?? 0];
    if (!nums.every((v) => Number.isFinite(v) && !Object.is(v, -0))) return false;
    out.push(...nums, this.varies ? 1 : 0);
    return true;
  }

  /**
   * Checks a state written by `writeFlat` at `o`: the offset after it, or −1 when it is not a
   * state a PairAlpha of this metric can have (wrong shape, an unknown value, counts that do not
   * add up to two values per unit, negative or non-finite sums). A damaged or foreign state is
   * refused, never guessed.
   */
  static checkFlat(v: Float64Array, o: number, metric: AlphaMetric, strings: number): number {
    if (o >= v.length) return -1;
    const units = v[o]!;
    if (!Number.isInteger(units) || units < 0) return -1;
    if (units === 0) return o + 1;
    if (metric === 'nominal') {
      if (o + 3 > v.length) return -1;
      const doSum = v[o + 1]!;
      const size = v[o + 2]!;
      if (!Number.isInteger(doSum) || doSum < 0 || doSum > 2 * units || doSum % 2 !== 0 || !Number.isInteger(size) || size < 1 || size > 2 * units) return -1;
      let p = o + 3;
      if (p + 2 * size > v.length) return -1;
      let total = 0;
      const seen = new Set<number>();
      for (let i = 0; i < size; i++, p += 2) {
        const k = v[p]!;
        const c = v[p + 1]!;
        if (!Number.isInteger(k) || k < 0 || k >= strings || seen.has(k) || !Number.isInteger(c) || c < 1) return -1;
        seen.add(k);
        total += c;
      }
      return total === 2 * units ? p : -1;
    }
    if (o + 7 > v.length) return -1;
    const [doSum, n, mean, m2, first, varies] = [v[o + 1]!, v[o + 2]!, v[o + 3]!, v[o + 4]!, v[o + 5]!, v[o + 6]!];
    if (!Number.isFinite(doSum) || doSum < 0 || n !== 2 * units || !Number.isFinite(mean) || !Number.isFinite(m2) || m2 < 0 || !Number.isFinite(first) || (varies !== 0 && varies !== 1)) return -1;
    return o + 7;
  }

  /**
   * Merges the state written by `writeFlat` at `o` (checked with `checkFlat`) into this one —
   * the same arithmetic, in the same order, as `merge` of the accumulator it was written from —
   * and returns the offset after it.
   */
  mergeFlat(v: Float64Array, o: number, strings: readonly string[]): number {
    const units = v[o]!;
    if (units === 0) return o + 1;
    this.units += units;
    this.doSum += v[o + 1]!;
    if (this.metric === 'nominal') {
      const size = v[o + 2]!;
      const counts = (this.counts ??= new Map());
      let p = o + 3;
      for (let i = 0; i < size; i++, p += 2) {
        const k = strings[v[p]!]!;
        counts.set(k, (counts.get(k) ?? 0) + v[p + 1]!);
      }
      return p;
    }
    this.note(v[o + 5]!);
    if (v[o + 6] === 1) this.varies = true;
    const na = this.n;
    const nb = v[o + 2]!;
    const mean = v[o + 3]!;
    const m2 = v[o + 4]!;
    const n = na + nb;
    const d = mean - this.mean;
    this.mean += (d * nb) / n;
    this.m2 += m2 + (d * d * na * nb) / n;
    this.n = n;
    return o + 7;
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
