/**
 * Agreement between analysts who annotated the same reports. Pure.
 *
 * Input: per document, each analyst's layer — that analyst's effective findings (the detector
 * findings with the analyst's reviews applied, plus the analyst's manual findings; see
 * core/document `effectiveFinding`).
 *
 * What counts:
 * - a finding is *reviewed* in a layer when its status is not 'suggested' (no decision yet),
 *   and *asserted* when it is accepted or corrected (the analyst says it is there, as it now
 *   reads);
 * - a document counts for a pair of analysts only when both reviewed at least one finding in
 *   it: a report one of them has not started is not a disagreement.
 *
 * Matching rule (one-to-one, per finding type — figure, duplicate, defect): two findings of
 * one type can match when their primary spans overlap (≥ 1 code point). First the findings
 * with the same id match (the same detector proposal, or the same manual finding), when their
 * spans still overlap or are the same empty span (an insertion point); then the rest greedily by the largest overlap, ties broken by the
 * nearest start, then by reading order. Each finding matches at most once.
 *
 * Figures reported, per pair, per kind and for all kinds ('all'):
 * - span F1 = 2·M / (|A| + |B|) over the asserted findings (M: matched pairs with the same
 *   effective kind; a pair whose kinds differ is a miss for both kinds). Symmetric; null when
 *   neither asserted anything.
 * - alpha on matched items (Krippendorff, ./alpha.ts; each matched pair is a unit of 2 values):
 *   - `status` (nominal): over pairs matched among the *reviewed* findings — so accepted vs
 *     rejected is a disagreement (accepted and corrected are different values too);
 *   - `unit` (nominal, figures; null unit is a value of its own) and `value` (interval, figures
 *     whose value both gave): over the asserted pairs matched for F1. Values are compared in the
 *     base units the guide writes them in (万/亿 folded in, money in yuan). `value` is not
 *     pooled over kinds ('all' has it null): a percent beside an amount in yuan would make any
 *     disagreement on percents vanish in the spread of money;
 *   - `kind` (nominal, 'all' only): whether matched findings were given the same kind.
 *   Pairs count towards a kind when both sides have that kind.
 */
import type { EffectiveFinding } from '../document/effective';
import { isAcceptedStatus } from '../document/effective';
import { type AlphaMetric, type AlphaResult, type FlatStrings, PairAlpha } from './alpha';

export interface AnalystLayer {
  /** the analyst's stable id */
  analyst: string;
  findings: readonly EffectiveFinding[];
}

export interface DocumentLayers {
  docId: string;
  layers: readonly AnalystLayer[];
}

export interface MatchedPair {
  a: EffectiveFinding;
  b: EffectiveFinding;
  overlap: number;
}

export const ALL_KINDS = 'all';

export interface AgreementFigures {
  /** asserted findings of the first analyst (of this kind) */
  aCount: number;
  bCount: number;
  /** matched asserted pairs of this kind */
  matched: number;
  f1: number | null;
  status: AlphaResult;
  unit: AlphaResult;
  value: AlphaResult;
  /** only in 'all' */
  kind: AlphaResult | null;
}

export interface PairAgreement {
  a: string;
  b: string;
  /** documents both reviewed */
  documents: number;
  /** by kind, plus 'all' */
  byKind: Record<string, AgreementFigures>;
}

export interface AgreementReport {
  analysts: string[];
  /** kinds seen, sorted, without 'all' */
  kinds: string[];
  /** every pair a < b (in `analysts` order), pooled over the documents */
  pairs: PairAgreement[];
  perDocument: { docId: string; pairs: PairAgreement[] }[];
}

export const isReviewed = (f: EffectiveFinding): boolean => f.status !== 'suggested';
export const isAsserted = (f: EffectiveFinding): boolean => isAcceptedStatus(f.status);

function overlapOf(x: EffectiveFinding, y: EffectiveFinding): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start);
}

/** One-to-one matching of two analysts' findings (see the rule at the top). */
export function matchFindings(as: readonly EffectiveFinding[], bs: readonly EffectiveFinding[], bIndex?: ReadonlyMap<string, number>): MatchedPair[] {
  const outA: EffectiveFinding[] = [];
  const outB: EffectiveFinding[] = [];
  matchInto(as, bs, bIndex ?? indexById(bs), outA, outB);
  return outA.map((a, k) => ({ a, b: outB[k]!, overlap: overlapOf(a, outB[k]!) }));
}

/** which findings are matched already (matchInto: reused, it runs for every pair of layers of every report) */
let usedAScratch = new Uint8Array(256);
let usedBScratch = new Uint8Array(256);

/**
 * matchFindings without an object per pair: the matched findings in `outA[k]`, `outB[k]` (both
 * emptied first), in matchFindings' order.
 */
function matchInto(as: readonly EffectiveFinding[], bs: readonly EffectiveFinding[], bById: ReadonlyMap<string, number>, outA: EffectiveFinding[], outB: EffectiveFinding[]): void {
  outA.length = 0;
  outB.length = 0;
  if (usedAScratch.length < as.length) usedAScratch = new Uint8Array(Math.max(as.length, 2 * usedAScratch.length));
  if (usedBScratch.length < bs.length) usedBScratch = new Uint8Array(Math.max(bs.length, 2 * usedBScratch.length));
  const usedA = usedAScratch;
  const usedB = usedBScratch;
  usedA.fill(0, 0, as.length);
  usedB.fill(0, 0, bs.length);
  for (let i = 0; i < as.length; i++) {
    const f = as[i]!;
    const j = bById.get(f.id);
    if (j === undefined || usedB[j]) continue;
    const g = bs[j]!;
    const ov = overlapOf(f, g);
    // the same finding at the same place matches even when its span is empty (an insertion point)
    if (g.type !== f.type || (ov <= 0 && !(f.start === g.start && f.end === g.end))) continue;
    usedA[i] = 1;
    usedB[j] = 1;
    outA.push(f);
    outB.push(g);
  }
  if (outA.length === as.length || outA.length === bs.length) return;
  // candidate edges by a sweep over both lists sorted by start, keeping the bs still open
  // (index loops and an in-place compaction of the open list: this runs for every pair of layers of every report)
  const ai: number[] = [];
  for (let i = 0; i < as.length; i++) if (!usedA[i]) ai.push(i);
  ai.sort((x, y) => as[x]!.start - as[y]!.start || as[x]!.end - as[y]!.end || x - y);
  const bi: number[] = [];
  for (let j = 0; j < bs.length; j++) if (!usedB[j]) bi.push(j);
  bi.sort((x, y) => bs[x]!.start - bs[y]!.start || bs[x]!.end - bs[y]!.end || x - y);
  const rankB = new Int32Array(bs.length);
  for (let r = 0; r < bi.length; r++) rankB[bi[r]!] = r;
  const edges: { i: number; j: number; ov: number; dist: number; ra: number; rb: number }[] = [];
  let next = 0;
  const open: number[] = [];
  for (let ra = 0; ra < ai.length; ra++) {
    const i = ai[ra]!;
    const f = as[i]!;
    while (next < bi.length && bs[bi[next]!]!.start < f.end) open.push(bi[next++]!);
    // the as come by start: a b that ends before this one starts overlaps none of the rest
    let kept = 0;
    for (let r = 0; r < open.length; r++) {
      const j = open[r]!;
      if (bs[j]!.end > f.start) open[kept++] = j;
    }
    open.length = kept;
    for (let r = 0; r < kept; r++) {
      const j = open[r]!;
      const g = bs[j]!;
      if (g.type !== f.type) continue;
      const ov = overlapOf(f, g);
      if (ov > 0) edges.push({ i, j, ov, dist: Math.abs(f.start - g.start), ra, rb: rankB[j]! });
    }
  }
  edges.sort((x, y) => y.ov - x.ov || x.dist - y.dist || x.ra - y.ra || x.rb - y.rb);
  for (const e of edges) {
    if (usedA[e.i] || usedB[e.j]) continue;
    usedA[e.i] = 1;
    usedB[e.j] = 1;
    outA.push(as[e.i]!);
    outB.push(bs[e.j]!);
  }
}

/** Figures collected for one pair and one kind, pooled over documents (alpha accumulated pair by pair). */
interface Acc {
  aCount: number;
  bCount: number;
  matched: number;
  status: PairAlpha;
  unit: PairAlpha;
  value: PairAlpha;
  kind: PairAlpha;
}

const newAcc = (): Acc => ({ aCount: 0, bCount: 0, matched: 0, status: new PairAlpha('nominal'), unit: new PairAlpha('nominal'), value: new PairAlpha('interval'), kind: new PairAlpha('nominal') });

function accFor(map: Map<string, Acc>, kind: string): Acc {
  let acc = map.get(kind);
  if (!acc) map.set(kind, (acc = newAcc()));
  return acc;
}

const NO_UNIT = '\u0000none';

function unitOf(f: EffectiveFinding): string | undefined {
  return f.type === 'figure' ? ((f.data as { unit: string | null }).unit ?? NO_UNIT) : undefined;
}

function valueOf(f: EffectiveFinding): number | null {
  if (f.type !== 'figure') return null;
  const v = (f.data as { value: number | null }).value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** finding id → its index in `fs` (the last one where an id repeats, as matchFindings has always taken it) */
function indexById(fs: readonly EffectiveFinding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let j = 0; j < fs.length; j++) m.set(fs[j]!.id, j);
  return m;
}

/** A layer's reviewed and asserted findings and their indexes by id, computed once per document (a layer is in a match with every other one). */
interface Split {
  layer: AnalystLayer;
  reviewed: EffectiveFinding[];
  asserted: EffectiveFinding[];
  reviewedIndex: Map<string, number>;
  assertedIndex: Map<string, number>;
}

function split(layer: AnalystLayer): Split {
  const reviewed = layer.findings.filter(isReviewed);
  const asserted = reviewed.filter(isAsserted);
  return { layer, reviewed, asserted, reviewedIndex: indexById(reviewed), assertedIndex: indexById(asserted) };
}

/** accumulate's matched findings (reused: it runs for every pair of layers of every report) */
const MATCHED_A: EffectiveFinding[] = [];
const MATCHED_B: EffectiveFinding[] = [];

/** Adds one document's figures for the pair (a, b) to `accs`; false when the document does not count (one of them has not started it). */
function accumulate(accs: Map<string, Acc>, la: Split, lb: Split): boolean {
  if (la.reviewed.length === 0 || lb.reviewed.length === 0) return false;
  const all = accFor(accs, ALL_KINDS);
  const aAss = la.asserted;
  const bAss = lb.asserted;
  for (const f of aAss) {
    all.aCount++;
    accFor(accs, f.kind).aCount++;
  }
  for (const f of bAss) {
    all.bCount++;
    accFor(accs, f.kind).bCount++;
  }
  const ma = MATCHED_A;
  const mb = MATCHED_B;
  matchInto(aAss, bAss, lb.assertedIndex, ma, mb);
  for (let k = 0; k < ma.length; k++) {
    const a = ma[k]!;
    const b = mb[k]!;
    all.kind.add(a.kind, b.kind);
    const ua = unitOf(a);
    const ub = unitOf(b);
    const units = ua !== undefined && ub !== undefined;
    if (units) all.unit.add(ua, ub);
    if (a.kind !== b.kind) continue;
    const acc = accFor(accs, a.kind);
    all.matched++;
    acc.matched++;
    if (units) acc.unit.add(ua, ub);
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va !== null && vb !== null) acc.value.add(va, vb);
  }
  matchInto(la.reviewed, lb.reviewed, lb.reviewedIndex, ma, mb);
  for (let k = 0; k < ma.length; k++) {
    const a = ma[k]!;
    const b = mb[k]!;
    all.status.add(a.status, b.status);
    if (a.kind === b.kind) accFor(accs, a.kind).status.add(a.status, b.status);
  }
  ma.length = 0; // holds no report's findings once done
  mb.length = 0;
  return true;
}

function mergeInto(to: Acc, from: Acc): void {
  to.aCount += from.aCount;
  to.bCount += from.bCount;
  to.matched += from.matched;
  for (const key of ['status', 'unit', 'value', 'kind'] as const) to[key].merge(from[key]);
}

function figuresOf(acc: Acc, isAll: boolean): AgreementFigures {
  const denom = acc.aCount + acc.bCount;
  return {
    aCount: acc.aCount,
    bCount: acc.bCount,
    matched: acc.matched,
    f1: denom === 0 ? null : (2 * acc.matched) / denom,
    status: acc.status.result(),
    unit: acc.unit.result(),
    value: acc.value.result(),
    kind: isAll ? acc.kind.result() : null,
  };
}

function pairOf(a: string, b: string, documents: number, accs: ReadonlyMap<string, Acc>, onlyAll = false): PairAgreement {
  const byKind: Record<string, AgreementFigures> = {};
  const all = accs.get(ALL_KINDS) ?? newAcc();
  if (onlyAll) return { a, b, documents, byKind: { [ALL_KINDS]: figuresOf(all, true) } };
  for (const [kind, acc] of [...accs, ...(accs.has(ALL_KINDS) ? [] : [[ALL_KINDS, all] as const])].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) byKind[kind] = figuresOf(acc, kind === ALL_KINDS);
  return { a, b, documents, byKind };
}

/**
 * One document's accumulated figures for each pair of analysts that both reviewed it (what
 * computeAgreement pools): `a` comes before `b` in the analyst order they were computed with.
 * Made by `documentFigures`; `flattenFigures` writes it as numbers that computeAgreement pools
 * exactly as it would the figures (a machine-local cache keeps them between sessions,
 * src/main/team/agreement-cache.ts).
 */
export interface DocumentFigures {
  pairs: { a: string; b: string; accs: ReadonlyMap<string, Acc> }[];
}

/** A document whose figures were computed already (computeAgreement pools them as they are): as figures, or flat (checked with checkFlatFigures) with their strings. */
export type DocumentFiguresEntry = { docId: string; figures: DocumentFigures } | { docId: string; flat: Float64Array; strings: readonly string[] };

/**
 * Version of what documentFigures computes from the layers (the matching rule, the figures, the
 * accumulators' states): a kept figure computed under another version is computed again.
 */
export const AGREEMENT_FIGURES_VERSION = 1;

/** The figures of one document's layers, for every pair in the order of `names` (analysts not in `names` are left out). */
export function documentFigures(layers: readonly AnalystLayer[], names: readonly string[]): DocumentFigures {
  const byAnalyst = new Map(layers.map((l) => [l.analyst, l]));
  const splits = names.map((n) => {
    const l = byAnalyst.get(n);
    return l ? split(l) : null;
  });
  const pairs: DocumentFigures['pairs'] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const la = splits[i];
      const lb = splits[j];
      if (!la || !lb) continue;
      const accs = new Map<string, Acc>();
      if (!accumulate(accs, la, lb)) continue;
      pairs.push({ a: names[i]!, b: names[j]!, accs });
    }
  }
  return { pairs };
}

const ALPHA_KEYS = ['status', 'unit', 'value', 'kind'] as const;
const METRIC: Record<(typeof ALPHA_KEYS)[number], AlphaMetric> = { status: 'nominal', unit: 'nominal', value: 'interval', kind: 'nominal' };

/**
 * A document's figures as numbers, for a cache that keeps them between sessions (a Float64Array
 * is read back without parsing or allocating per value): pair count, then per pair the
 * indexes of a and b in `strings`, the kind count, and per kind its index, aCount, bCount,
 * matched and the status, unit, value and kind accumulators (PairAlpha.writeFlat). Null when a
 * state cannot be written exactly: such figures are not kept.
 */
export function flattenFigures(f: DocumentFigures, strings: FlatStrings): Float64Array | null {
  const out: number[] = [f.pairs.length];
  for (const p of f.pairs) {
    out.push(strings.id(p.a), strings.id(p.b), p.accs.size);
    for (const [kind, acc] of p.accs) {
      out.push(strings.id(kind), acc.aCount, acc.bCount, acc.matched);
      for (const key of ALPHA_KEYS) if (!acc[key].writeFlat(out, strings)) return null;
    }
  }
  return Float64Array.from(out);
}

const isCount = (x: number): boolean => Number.isInteger(x) && x >= 0;

/**
 * The pairs (a, b as indexes in the strings) of flat figures, or null when `v` is not exactly
 * what flattenFigures writes (shape, counts, accumulator states, every kind with 'all' among
 * them, `strings` entries in range): a damaged or foreign value is refused, never guessed.
 */
export function checkFlatFigures(v: Float64Array, strings: readonly string[]): [number, number][] | null {
  const n = strings.length;
  const ref = (x: number | undefined): boolean => x !== undefined && Number.isInteger(x) && x >= 0 && x < n;
  if (v.length === 0 || !isCount(v[0]!)) return null;
  const pairs: [number, number][] = [];
  let o = 1;
  for (let p = 0; p < v[0]!; p++) {
    const a = v[o];
    const b = v[o + 1];
    const kinds = v[o + 2];
    if (!ref(a) || !ref(b) || a === b || kinds === undefined || !isCount(kinds) || kinds < 1) return null;
    pairs.push([a!, b!]);
    o += 3;
    const seen = new Set<string>();
    for (let k = 0; k < kinds; k++) {
      if (o + 4 > v.length) return null;
      const kind = v[o]!;
      const [aCount, bCount, matched] = [v[o + 1]!, v[o + 2]!, v[o + 3]!];
      if (!ref(kind) || seen.has(strings[kind]!) || !isCount(aCount) || !isCount(bCount) || !isCount(matched) || matched > aCount || matched > bCount) return null;
      seen.add(strings[kind]!);
      o += 4;
      for (const key of ALPHA_KEYS) {
        o = PairAlpha.checkFlat(v, o, METRIC[key], n);
        if (o < 0) return null;
      }
    }
    if (!seen.has(ALL_KINDS)) return null;
  }
  return o === v.length ? pairs : null;
}

/** Flat figures (checked with checkFlatFigures) merged into pooled accumulators, kinds seen, and the document's pair views. */
function poolFlat(v: Float64Array, strings: readonly string[], index: ReadonlyMap<string, number>, docId: string, onPair: (i: number, j: number) => Map<string, Acc>, kinds: Set<string>, onlyAll: boolean): PairAgreement[] {
  const views: PairAgreement[] = [];
  let o = 1;
  for (let p = 0; p < v[0]!; p++) {
    const a = strings[v[o]!]!;
    const b = strings[v[o + 1]!]!;
    const count = v[o + 2]!;
    o += 3;
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i >= j) throw new Error(`computeAgreement: figures of ${docId} were computed in another analyst order`);
    const pooled = onPair(i, j);
    const own = new Map<string, Acc>();
    for (let k = 0; k < count; k++) {
      const kind = strings[v[o]!]!;
      if (kind !== ALL_KINDS) kinds.add(kind);
      const to = accFor(pooled, kind);
      to.aCount += v[o + 1]!;
      to.bCount += v[o + 2]!;
      to.matched += v[o + 3]!;
      o += 4;
      // the document's own figures: only what its pair view shows ('all', or every kind)
      const mine = onlyAll && kind !== ALL_KINDS ? null : accFor(own, kind);
      if (mine) {
        mine.aCount = v[o - 3]!;
        mine.bCount = v[o - 2]!;
        mine.matched = v[o - 1]!;
      }
      for (const key of ALPHA_KEYS) {
        mine?.[key].mergeFlat(v, o, strings);
        o = to[key].mergeFlat(v, o, strings);
      }
    }
    views.push(pairOf(a, b, 1, own, onlyAll));
  }
  return views;
}

/** One document's figures as computeAgreement keeps them in `AgreementMemo`. */
interface DocumentAccs {
  /** the layers' findings arrays it was computed from (same arrays → same figures) */
  arrays: readonly (readonly EffectiveFinding[])[];
  names: string;
  pairs: { i: number; j: number; accs: ReadonlyMap<string, Acc>; pair: PairAgreement }[];
}

/**
 * Figures of each document kept between calls of computeAgreement (pass the same memo again):
 * a document whose layers are the same arrays as last time (a caller that keeps unchanged
 * layers' arrays) is not matched again; only the pooling is redone.
 */
export class AgreementMemo {
  readonly docs = new Map<string, DocumentAccs>();
}

export interface AgreementOptions {
  /** the kinds of the per-document figures: every kind (default) or only 'all' (much less to build and to send) */
  perDocumentKinds?: 'every' | 'all';
  memo?: AgreementMemo;
}

function sameArrays(x: readonly (readonly EffectiveFinding[])[], y: readonly (readonly EffectiveFinding[])[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const isFiguresEntry = (d: DocumentLayers | DocumentFiguresEntry): d is DocumentFiguresEntry => 'figures' in d || 'flat' in d;

/**
 * Pairwise agreement over a set of documents: per pair pooled over the documents (alpha over
 * every matched item of every document, F1 from the summed counts), and per document.
 * `analysts` fixes the order (default: every analyst seen, sorted; required when a document
 * comes as figures computed already, which must have been computed in the same order).
 */
export function computeAgreement(docs: Iterable<DocumentLayers | DocumentFiguresEntry>, analysts?: readonly string[], opts: AgreementOptions = {}): AgreementReport {
  const docList = [...docs];
  if (!analysts && docList.some(isFiguresEntry)) throw new Error('computeAgreement: documents given as figures need the analysts order');
  const names = analysts ? [...analysts] : [...new Set(docList.flatMap((d) => (d as DocumentLayers).layers.map((l) => l.analyst)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const namesKey = names.join('\u0000');
  const onlyAll = opts.perDocumentKinds === 'all';
  const pooled = new Map<string, { docs: number; accs: Map<string, Acc> }>();
  const kinds = new Set<string>();
  const perDocument: AgreementReport['perDocument'] = [];
  const seen = new Set<string>();
  const onPair = (i: number, j: number): Map<string, Acc> => {
    const key = `${i}\u0000${j}`;
    let p = pooled.get(key);
    if (!p) pooled.set(key, (p = { docs: 0, accs: new Map() }));
    p.docs++;
    return p.accs;
  };
  for (const doc of docList) {
    let pairs: DocumentAccs['pairs'];
    if ('flat' in doc) {
      seen.add(doc.docId);
      perDocument.push({ docId: doc.docId, pairs: poolFlat(doc.flat, doc.strings, index, doc.docId, onPair, kinds, onlyAll) });
      continue;
    }
    if (isFiguresEntry(doc)) {
      pairs = doc.figures.pairs.map(({ a, b, accs }) => {
        const i = index.get(a);
        const j = index.get(b);
        if (i === undefined || j === undefined || i >= j) throw new Error(`computeAgreement: figures of ${doc.docId} were computed in another analyst order`);
        return { i, j, accs, pair: pairOf(a, b, 1, accs, onlyAll) };
      });
    } else {
      const byAnalyst = new Map(doc.layers.map((l) => [l.analyst, l]));
      const arrays = names.map((n) => byAnalyst.get(n)?.findings ?? EMPTY);
      let computed = opts.memo?.docs.get(doc.docId);
      if (!computed || computed.names !== namesKey || !sameArrays(computed.arrays, arrays)) {
        const figs = documentFigures(doc.layers, names);
        computed = { arrays, names: namesKey, pairs: figs.pairs.map(({ a, b, accs }) => ({ i: index.get(a)!, j: index.get(b)!, accs, pair: pairOf(a, b, 1, accs, onlyAll) })) };
        opts.memo?.docs.set(doc.docId, computed);
      }
      pairs = computed.pairs;
    }
    seen.add(doc.docId);
    for (const { i, j, accs } of pairs) {
      for (const k of accs.keys()) if (k !== ALL_KINDS) kinds.add(k);
      const to = onPair(i, j);
      for (const [k, acc] of accs) mergeInto(accFor(to, k), acc);
    }
    perDocument.push({ docId: doc.docId, pairs: pairs.map((p) => p.pair) });
  }
  // documents gone since the last call are forgotten
  if (opts.memo) for (const id of opts.memo.docs.keys()) if (!seen.has(id)) opts.memo.docs.delete(id);
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const p = pooled.get(`${i}\u0000${j}`);
      pairs.push(pairOf(names[i]!, names[j]!, p?.docs ?? 0, p?.accs ?? new Map()));
    }
  }
  return { analysts: names, kinds: [...kinds].sort(), pairs, perDocument };
}

const EMPTY: readonly EffectiveFinding[] = [];

export type AgreementMeasure = 'f1' | 'status' | 'unit' | 'value' | 'kind';

/** One figure of a pair, or null when it is undefined (or the kind was not seen for the pair). */
export function measureOf(pair: PairAgreement, kind: string, measure: AgreementMeasure): number | null {
  const fig = pair.byKind[kind];
  if (!fig) return null;
  if (measure === 'f1') return fig.f1;
  const r = fig[measure];
  return r ? r.alpha : null;
}

/**
 * The analyst × analyst matrix of one measure for one kind ('all' for every kind): symmetric,
 * 1 on the diagonal, null where undefined.
 */
export function agreementMatrix(pairs: readonly PairAgreement[], analysts: readonly string[], kind: string, measure: AgreementMeasure): (number | null)[][] {
  const index = new Map(analysts.map((a, i) => [a, i]));
  const m: (number | null)[][] = analysts.map((_, i) => analysts.map((__, j) => (i === j ? 1 : null)));
  for (const p of pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined) continue;
    const v = measureOf(p, kind, measure);
    m[i]![j] = v;
    m[j]![i] = v;
  }
  return m;
}
