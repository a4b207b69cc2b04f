/**
 * Sync conflicts of an analyst's work file. Pure.
 *
 * Only that analyst's app writes their work file, so Syncthing leaves a conflict only when the
 * same analyst works on two machines and both wrote the file before either had synced. It then
 * keeps the newer file under its name and the other as
 *   NAME.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.EXT
 * (local time of the conflict, the first 7 characters of the winning device's id; Syncthing's
 * `conflictName`) on every device. `parseConflictName` reads such names; `mergeWork` merges the
 * two versions so that nothing either machine recorded is lost:
 * - reviews: per finding, the one with the later `updatedAt`; the other, when it differs, is
 *   kept in the undo history as a merge step (undo brings it back);
 * - manual findings: the union by id (a finding removed on one machine and kept on the other
 *   comes back: keeping is the safe side);
 * - orphans: the union; history: the union of both stacks' steps in time order, capped at
 *   MAX_HISTORY (the merge steps are recorded after it, so they are never cut);
 * - the result does not depend on the order of the two versions (commutative).
 */
import type { AnalystWork } from '../document/build';
import { MAX_HISTORY, type HistoryEntry } from '../review/actions';
import type { Finding, Review } from '../store-schema';

export interface ConflictName {
  /** the file name the copy conflicts with */
  original: string;
  /** when the conflict happened, as written (local time of the machine that saw it): YYYYMMDD-HHMMSS */
  stamp: string;
  /** the first 7 characters of the id of the device whose version kept the name */
  device: string;
}

const CONFLICT = /^(.*)\.sync-conflict-(\d{8}-\d{6})-([A-Z0-9]{7})(\.[^./\\]*)?$/;

/**
 * Reads a conflict copy's file name (a base name, no directory), or null when it is not one.
 * A conflict of a conflict copy resolves to the first original.
 */
export function parseConflictName(name: string): ConflictName | null {
  const m = CONFLICT.exec(name);
  if (!m || !m[1]) return null;
  const original = m[1] + (m[4] ?? '');
  const inner = parseConflictName(original);
  return { original: inner ? inner.original : original, stamp: m[2]!, device: m[3]! };
}

/** Conflict copies among `names`, by the original's name (names in the order given). */
export function conflictGroups(names: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of names) {
    const c = parseConflictName(n);
    if (!c) continue;
    const list = out.get(c.original);
    if (list) list.push(n);
    else out.set(c.original, [n]);
  }
  return out;
}

/** A stable JSON text (keys sorted): equal data, equal text; orders ties. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const time = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

/** The later of two reviews of one finding (by updatedAt; equal times: a fixed order of their content). */
function later(x: Review, y: Review): Review {
  const d = time(x.updatedAt) - time(y.updatedAt);
  if (d !== 0) return d > 0 ? x : y;
  if (x.updatedAt !== y.updatedAt) return x.updatedAt > y.updatedAt ? x : y;
  return stableJson(x) >= stableJson(y) ? x : y;
}

export interface MergeReport {
  /** findings whose review differed: the kept one and the one moved to the undo history */
  superseded: { findingId: string; kept: Review; replaced: Review }[];
  /** manual findings only one version had */
  addedManual: number;
  /** reviews only one version had */
  addedReviews: number;
}

function unionBy<T>(xs: readonly T[], ys: readonly T[], key: (t: T) => string, pick: (a: T, b: T) => T): T[] {
  const m = new Map<string, T>();
  for (const t of [...xs, ...ys]) {
    const k = key(t);
    const prev = m.get(k);
    m.set(k, prev === undefined ? t : pick(prev, t));
  }
  return [...m.keys()].sort().map((k) => m.get(k)!);
}

const higher = <T>(a: T, b: T): T => (stableJson(a) >= stableJson(b) ? a : b);

/** Merges two versions of one analyst's work on one document (see the top of the file). */
export function mergeWork(a: AnalystWork, b: AnalystWork): { work: AnalystWork; report: MergeReport } {
  const reviews: Record<string, Review> = {};
  const superseded: MergeReport['superseded'] = [];
  let addedReviews = 0;
  const ids = [...new Set([...Object.keys(a.reviews), ...Object.keys(b.reviews)])].sort();
  for (const id of ids) {
    const x = a.reviews[id];
    const y = b.reviews[id];
    if (x && y) {
      const kept = later(x, y);
      reviews[id] = kept;
      if (stableJson(x) !== stableJson(y)) superseded.push({ findingId: id, kept, replaced: kept === x ? y : x });
    } else {
      reviews[id] = (x ?? y)!;
      addedReviews++;
    }
  }
  const manualIds = new Set(a.manualFindings.map((f) => f.id));
  const addedManual = b.manualFindings.filter((f) => !manualIds.has(f.id)).length + a.manualFindings.filter((f) => !b.manualFindings.some((g) => g.id === f.id)).length;
  const manualFindings = unionBy<Finding>(a.manualFindings, b.manualFindings, (f) => f.id, higher);
  const orphans = unionBy<Review>(a.orphans, b.orphans, stableJson, higher);
  const steps = (xs: readonly unknown[], ys: readonly unknown[]): unknown[] => {
    const all = unionBy<unknown>(xs, ys, stableJson, higher);
    const at = (e: unknown): string => (e && typeof e === 'object' && typeof (e as { at?: unknown }).at === 'string' ? (e as { at: string }).at : '');
    return all.sort((p, q) => time(at(p)) - time(at(q)) || (at(p) < at(q) ? -1 : at(p) > at(q) ? 1 : stableJson(p) < stableJson(q) ? -1 : 1));
  };
  const undo = steps(a.history.undo, b.history.undo).slice(-MAX_HISTORY);
  for (const s of superseded) {
    const entry: HistoryEntry = {
      label: 'merge-sync-conflict',
      at: s.kept.updatedAt,
      before: { reviews: { [s.findingId]: s.replaced }, findings: {} },
      after: { reviews: { [s.findingId]: s.kept }, findings: {} },
    };
    undo.push(entry);
  }
  const redo = steps(a.history.redo, b.history.redo).slice(-MAX_HISTORY);
  return { work: { reviews, manualFindings, orphans, history: { undo, redo } }, report: { superseded, addedManual, addedReviews } };
}
