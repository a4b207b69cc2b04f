/**
 * Assignment: which analysts review which reports. Pure and deterministic (every machine
 * computes the same plan from the same inputs, so the plan itself need not be synced as a
 * shared file with two writers).
 *
 * `assignReports({ docIds, analysts, overlap, manual })`:
 * - every report gets one analyst, in an even split (loads differ by at most one);
 * - a share `overlap` (0..1) of the reports gets a second analyst for measuring agreement: a
 *   report is in it when a hash of its id falls under the share (about overlap × reports; the
 *   choice is the report's own and never moves when reports are added), the second analyst
 *   never the first, chosen so that total loads stay even;
 * - `manual` (report id → analyst ids) overrides the plan for those reports (set by hand).
 * Reports are taken in id order; the result lists each report's analysts and each analyst's
 * queue (in report id order).
 */

export interface AssignInput {
  docIds: readonly string[];
  analysts: readonly string[];
  /** share of reports reviewed by two analysts (0..1) */
  overlap?: number;
  /** report id → analysts, by hand (wins over the plan) */
  manual?: Readonly<Record<string, readonly string[]>>;
}

export interface Assignment {
  /** report id → its analysts (first: the one it was split to) */
  byDoc: Record<string, string[]>;
  /** analyst → report ids */
  queues: Record<string, string[]>;
}

/** FNV-1a with a murmur3 finaliser, 32 bits: a stable, well-spread hash of an id. */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function assignReports(input: AssignInput): Assignment {
  const analysts = [...new Set(input.analysts)];
  const docs = [...new Set(input.docIds)].sort(byId);
  const manual = input.manual ?? {};
  const byDoc: Record<string, string[]> = {};
  const queues: Record<string, string[]> = Object.fromEntries(analysts.map((a) => [a, []]));
  if (analysts.length === 0) return { byDoc: Object.fromEntries(docs.map((d) => [d, []])), queues };
  const planned = docs.filter((d) => !manual[d]);
  const overlap = Math.min(1, Math.max(0, input.overlap ?? 0));
  // a report gets a second analyst when its hash falls under the share: the choice is the
  // report's own, so it never moves when reports are added or removed
  const second = new Set(analysts.length < 2 ? [] : planned.filter((d) => stableHash(d) / 2 ** 32 < overlap));
  const n = analysts.length;
  const firsts = new Map(analysts.map((a) => [a, 0]));
  planned.forEach((d, i) => {
    const first = analysts[i % n]!;
    firsts.set(first, firsts.get(first)! + 1);
    byDoc[d] = [first];
  });
  // even totals: T = reports + seconds over n analysts, the +1s to those with more firsts
  const total = planned.length + second.size;
  const extra = total % n;
  const order = [...analysts].sort((x, y) => firsts.get(y)! - firsts.get(x)! || analysts.indexOf(x) - analysts.indexOf(y));
  const room = new Map(order.map((a, i) => [a, Math.floor(total / n) + (i < extra ? 1 : 0) - firsts.get(a)!]));
  for (const d of planned) {
    if (!second.has(d)) continue;
    const first = byDoc[d]![0]!;
    let best = '';
    for (const a of analysts) if (a !== first && (best === '' || room.get(a)! > room.get(best)!)) best = a;
    room.set(best, room.get(best)! - 1);
    byDoc[d]!.push(best);
  }
  // the greedy pass can leave one analyst a report over: move second places from the busiest to
  // the idlest where the idlest is not the report's first (with two analysts the second is
  // always the other one, and loads follow the overlap)
  const loads = new Map(analysts.map((a) => [a, 0]));
  for (const d of planned) for (const a of byDoc[d]!) loads.set(a, loads.get(a)! + 1);
  for (let guard = 0; guard < planned.length + n; guard++) {
    const sorted = [...analysts].sort((x, y) => loads.get(x)! - loads.get(y)! || analysts.indexOf(x) - analysts.indexOf(y));
    const hi = sorted[n - 1]!;
    if (loads.get(hi)! - loads.get(sorted[0]!)! <= 1) break;
    // any analyst two or more below the busiest can take one of its second places, as long as
    // that report's first is someone else (the idlest may be the first of every such report)
    let moved = false;
    for (const lo of sorted) {
      if (loads.get(hi)! - loads.get(lo)! <= 1) break;
      const d = planned.find((x) => byDoc[x]![1] === hi && byDoc[x]![0] !== lo);
      if (!d) continue;
      byDoc[d]![1] = lo;
      loads.set(hi, loads.get(hi)! - 1);
      loads.set(lo, loads.get(lo)! + 1);
      moved = true;
      break;
    }
    if (!moved) break;
  }
  for (const d of docs) if (manual[d]) byDoc[d] = [...new Set(manual[d])];
  for (const d of docs) for (const a of byDoc[d]!) (queues[a] ??= []).push(d);
  return { byDoc, queues };
}
