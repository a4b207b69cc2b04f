import { OffsetMap, type Paragraph } from '../text';
import { BOILERPLATE_MIN, MIN_CORPUS } from './constants';
import { foldText } from './codes';
import { findFormulae, foldFormulae, type FormulaIndex, indexFormulae, shippedFormulae } from './formulae';
import { IntList, IntMap } from './hash-index';
import { forEachGram } from './rolling';

/** Passages shared by most documents of a corpus, plus the shipped standard formulae. */
export interface BoilerplateModel {
  /** passages of ≥ 20 characters found in most documents of the corpus (original text) */
  passages: string[];
  /** extra formulae (any length ≥ 10) besides the shipped list */
  formulae?: string[];
}

export { BOILERPLATE_MIN, MIN_CORPUS };

const B1 = 0x01000193;
const B2 = 0x5bd1e995 | 1;
/** B1^K and B2^K for the rolling 20-gram hashes (same hashes as forEachGram) */
const P1 = pow32(B1, BOILERPLATE_MIN);
const P2 = pow32(B2, BOILERPLATE_MIN);

function pow32(base: number, k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p = Math.imul(p, base);
  return p;
}

function mix(k: number): number {
  let h = Math.imul(k ^ (k >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Paragraph spans [s0, e0, s1, e1, …] of a folded text, as splitParagraphs finds them (lines,
 * trimmed of blanks; the ideographic space is folded to a space).
 */
function paragraphSpans(folded: Int32Array): Int32Array {
  const out = new IntList(64);
  const n = folded.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && folded[j] !== 0x0a) j++;
    let a = i;
    let b = j;
    while (a < b && isBlank(folded[a])) a++;
    while (b > a && isBlank(folded[b - 1])) b--;
    if (b > a) {
      out.push(a);
      out.push(b);
    }
    i = j + 1;
  }
  return out.data.subarray(0, out.length);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0xfeff;
}

/** Partitions of the gram table (by the top bits of the mixed first hash). */
const PARTS = 256;
/** Positions buffered before they are counted into the partitions' tables. */
const CHUNK = 1 << 20;
/** Distinct grams the direct table (first phase) holds at most (24 bytes each). */
const DIRECT_MAX = 1 << 17;

/**
 * Document frequency of 20-grams. Each distinct first hash h1 has one entry [h1, h2,
 * documents, last document]: the first gram to claim an h1 owns it; a gram with the same h1
 * and another h2 is not counted.
 *
 * While few distinct grams are seen (a corpus of shared paragraphs), entries are kept in the
 * order they were first seen, with an open-addressed index on h1. A gram is first compared
 * with the entry after the previous gram's: a passage seen before then costs no lookup.
 * Beyond DIRECT_MAX entries, they move to 256 partitions (by the mixed first hash) and every
 * further gram waits in its partition's buffer; a full batch is then counted partition by
 * partition, so the table being updated stays in cache (one big table is a cache miss per
 * character). A partition's table is open-addressed, keyed by h1, each slot holding the four
 * numbers of an entry. Grams reach an entry in corpus order, so the counts do not depend on
 * the phase or the batching.
 */
class GramCounts {
  /** the entries in first-seen order (first phase), null once partitioned */
  private entries: Int32Array | null = new Int32Array(4 * 1024);
  private entryCount = 0;
  /** entry + 1 per slot, 0 for an empty slot */
  private index: Int32Array = new Int32Array(2048);
  private readonly buffers: Int32Array[] = [];
  private readonly fill = new Int32Array(PARTS);
  private buffered = 0;
  private readonly tables: Int32Array[] = [];
  private readonly sizes = new Int32Array(PARTS);

  /** Counts every 20-gram of folded[start, end) once for document `doc` (doc ≥ 1). */
  countRange(folded: Int32Array, start: number, end: number, doc: number): void {
    if (end - start < BOILERPLATE_MIN) return;
    if (this.entries !== null) {
      start = this.countDirect(folded, start, end, doc);
      if (start < 0) return;
    }
    this.bufferRange(folded, start, end, doc);
  }

  /**
   * Counts the grams of folded[start, end) into the first-phase entries. Returns -1, or where
   * the grams left uncounted start (the entries were full: the counting is now partitioned).
   */
  private countDirect(folded: Int32Array, start: number, end: number, doc: number): number {
    let entries = this.entries as Int32Array;
    let index = this.index;
    let mask = index.length - 1;
    let n = this.entryCount;
    let h1 = 0;
    let h2 = 0;
    for (let i = start; i < start + BOILERPLATE_MIN; i++) {
      h1 = (Math.imul(h1, B1) + folded[i]) | 0;
      h2 = (Math.imul(h2, B2) + folded[i]) | 0;
    }
    let e = -1;
    for (let i = start + BOILERPLATE_MIN; ; i++) {
      // the gram folded[i - K, i): the entry after the previous gram's, else a lookup
      e++;
      if (e >= n || entries[e << 2] !== h1) {
        let slot = mix(h1 ^ 0x5bd1e995) & mask;
        for (;;) {
          const id = index[slot];
          if (id === 0) {
            e = n++;
            if (e << 2 >= entries.length) {
              const grown = new Int32Array(entries.length * 2);
              grown.set(entries);
              this.entries = entries = grown;
            }
            index[slot] = e + 1;
            entries[e << 2] = h1;
            entries[(e << 2) + 1] = h2;
            entries[(e << 2) + 2] = 0;
            entries[(e << 2) + 3] = 0;
            if (n * 2 > mask + 1) {
              this.entryCount = n;
              if (n >= DIRECT_MAX) {
                entries[(e << 2) + 2] = 1;
                entries[(e << 2) + 3] = doc;
                this.partition();
                return i < end ? i - BOILERPLATE_MIN + 1 : -1;
              }
              index = this.growIndex();
              mask = index.length - 1;
            }
            break;
          }
          if (entries[(id - 1) << 2] === h1) {
            e = id - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      const at = e << 2;
      if (entries[at + 1] === h2 && entries[at + 3] !== doc) {
        entries[at + 2]++;
        entries[at + 3] = doc;
      }
      if (i >= end) break;
      const out = folded[i - BOILERPLATE_MIN];
      const c = folded[i];
      h1 = (Math.imul(h1, B1) + c - Math.imul(P1, out)) | 0;
      h2 = (Math.imul(h2, B2) + c - Math.imul(P2, out)) | 0;
    }
    this.entryCount = n;
    return -1;
  }

  private growIndex(): Int32Array {
    const entries = this.entries as Int32Array;
    const index = new Int32Array(this.index.length * 2);
    const mask = index.length - 1;
    for (let e = 0; e < this.entryCount; e++) {
      let slot = mix(entries[e << 2] ^ 0x5bd1e995) & mask;
      while (index[slot] !== 0) slot = (slot + 1) & mask;
      index[slot] = e + 1;
    }
    this.index = index;
    return index;
  }

  /** Moves the first-phase entries to the partitions' tables (the second phase). */
  private partition(): void {
    const entries = this.entries as Int32Array;
    this.entries = null;
    this.index = new Int32Array(0);
    for (let p = 0; p < PARTS; p++) {
      this.buffers.push(new Int32Array(3 * 1024));
      this.tables.push(new Int32Array(4 * 256));
    }
    for (let at = 0; at < this.entryCount << 2; at += 4) {
      const h1 = entries[at];
      const part = mix(h1) >>> 24;
      const slots = this.tables[part];
      const mask = (slots.length >> 2) - 1;
      let i = mix(h1 ^ 0x5bd1e995) & mask;
      while (slots[(i << 2) + 3] !== 0) i = (i + 1) & mask;
      const to = i << 2;
      slots[to] = h1;
      slots[to + 1] = entries[at + 1];
      slots[to + 2] = entries[at + 2];
      slots[to + 3] = entries[at + 3];
      if (++this.sizes[part] * 2 > mask + 1) this.grow(part);
    }
  }

  /** Buffers every 20-gram of folded[start, end) for document `doc`. */
  private bufferRange(folded: Int32Array, start: number, end: number, doc: number): void {
    let h1 = 0;
    let h2 = 0;
    for (let i = start; i < start + BOILERPLATE_MIN; i++) {
      h1 = (Math.imul(h1, B1) + folded[i]) | 0;
      h2 = (Math.imul(h2, B2) + folded[i]) | 0;
    }
    const fill = this.fill;
    const buffers = this.buffers;
    for (let i = start + BOILERPLATE_MIN; ; i++) {
      // the gram folded[i - K, i)
      const part = mix(h1) >>> 24;
      let buf = buffers[part];
      const at = fill[part];
      if (at + 3 > buf.length) {
        const next = new Int32Array(buf.length * 2);
        next.set(buf);
        buffers[part] = buf = next;
      }
      buf[at] = h1;
      buf[at + 1] = h2;
      buf[at + 2] = doc;
      fill[part] = at + 3;
      if (i >= end) break;
      const out = folded[i - BOILERPLATE_MIN];
      const c = folded[i];
      h1 = (Math.imul(h1, B1) + c - Math.imul(P1, out)) | 0;
      h2 = (Math.imul(h2, B2) + c - Math.imul(P2, out)) | 0;
    }
    this.buffered += end - start - BOILERPLATE_MIN + 1;
    if (this.buffered >= CHUNK) this.flush();
  }

  /** Counts the buffered grams into the partitions' tables. */
  flush(): void {
    if (this.entries !== null) return;
    for (let p = 0; p < PARTS; p++) {
      const buf = this.buffers[p];
      const n = this.fill[p];
      let slots = this.tables[p];
      let mask = (slots.length >> 2) - 1;
      for (let k = 0; k < n; k += 3) {
        const h1 = buf[k];
        const h2 = buf[k + 1];
        const doc = buf[k + 2];
        let i = mix(h1 ^ 0x5bd1e995) & mask;
        for (;;) {
          const at = i << 2;
          const last = slots[at + 3];
          if (last === 0) {
            // empty slot: the gram claims it
            slots[at] = h1;
            slots[at + 1] = h2;
            slots[at + 2] = 1;
            slots[at + 3] = doc;
            if (++this.sizes[p] * 2 > mask + 1) {
              slots = this.grow(p);
              mask = (slots.length >> 2) - 1;
            }
            break;
          }
          if (slots[at] === h1) {
            if (slots[at + 1] === h2 && last !== doc) {
              slots[at + 2]++;
              slots[at + 3] = doc;
            }
            break;
          }
          i = (i + 1) & mask;
        }
      }
      this.fill[p] = 0;
    }
    this.buffered = 0;
  }

  private grow(part: number): Int32Array {
    const old = this.tables[part];
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 2) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === 0) continue;
      let i = mix(old[at] ^ 0x5bd1e995) & mask;
      while (slots[(i << 2) + 3] !== 0) i = (i + 1) & mask;
      const to = i << 2;
      slots[to] = old[at];
      slots[to + 1] = old[at + 1];
      slots[to + 2] = old[at + 2];
      slots[to + 3] = old[at + 3];
    }
    this.tables[part] = slots;
    return slots;
  }

  /** The grams counted in at least `need` documents, as a lookup set. */
  frequent(need: number): HashSet {
    this.flush();
    const set = new HashSet();
    if (this.entries !== null) {
      const entries = this.entries;
      for (let at = 0; at < this.entryCount << 2; at += 4) if (entries[at + 2] >= need) set.add(entries[at], entries[at + 1]);
      return set;
    }
    for (const slots of this.tables) {
      for (let at = 0; at < slots.length; at += 4) if (slots[at + 3] !== 0 && slots[at + 2] >= need) set.add(slots[at], slots[at + 1]);
    }
    return set;
  }
}

/** A small set of (h1, h2) gram hashes, first-come per h1, with a filter on h1's top 16 bits. */
class HashSet {
  readonly ids = new IntMap(1024);
  readonly h2 = new IntList();
  /** bit set where some gram's h1 has these top 16 bits: skips the map for almost every position */
  readonly filter = new Uint32Array(0x10000 >>> 5);

  add(h1: number, h2: number): void {
    const top = h1 >>> 16;
    this.filter[top >>> 5] |= 1 << (top & 31);
    if (this.ids.setIfAbsent(h1, this.h2.length) === this.h2.length) this.h2.push(h2);
  }

  has(h1: number, h2: number): boolean {
    const top = h1 >>> 16;
    if (((this.filter[top >>> 5] >>> (top & 31)) & 1) === 0) return false;
    const id = this.ids.get(h1);
    return id >= 0 && this.h2.data[id] === h2;
  }
}

/**
 * Builds the boilerplate model from all documents of a workspace or CLI run: every maximal
 * passage whose 20-character grams each stand (after folding width and punctuation) in more
 * than half of the documents. Needs at least 3 documents; linear in the corpus size.
 */
export function buildBoilerplate(texts: string[]): BoilerplateModel {
  const builder = new BoilerplateBuilder();
  for (const t of texts) builder.add(t);
  return builder.build();
}

interface CountedDoc {
  text: string;
  folded: Int32Array;
  spans: Int32Array;
}

/**
 * buildBoilerplate one document at a time (documents can be counted as they are read):
 * `add` every document in corpus order, then `build` once. Nothing is counted before there
 * are MIN_CORPUS documents (a single report, however long, costs nothing).
 */
export class BoilerplateBuilder {
  private counts: GramCounts | null = null;
  private readonly pending: string[] = [];
  private readonly docs: CountedDoc[] = [];

  add(text: string): void {
    if (this.docs.length + this.pending.length + 1 < MIN_CORPUS) {
      this.pending.push(text);
      return;
    }
    for (const t of this.pending.splice(0)) this.count(t);
    this.count(text);
  }

  private count(text: string): void {
    const folded = foldText(text);
    const spans = paragraphSpans(folded);
    const doc = this.docs.length + 1;
    const counts = (this.counts ??= new GramCounts());
    for (let k = 0; k < spans.length; k += 2) counts.countRange(folded, spans[k], spans[k + 1], doc);
    this.docs.push({ text, folded, spans });
  }

  build(): BoilerplateModel {
    const n = this.docs.length;
    const passages: string[] = [];
    if (n < MIN_CORPUS || !this.counts) return { passages };
    const frequent = this.counts.frequent(Math.floor(n / 2) + 1);
    if (frequent.h2.length === 0) return { passages };
    const seen = new Set<string>();
    const runs = new IntList();
    for (const { text, folded, spans } of this.docs) {
      runs.length = 0;
      for (let k = 0; k < spans.length; k += 2) frequentRuns(folded, spans[k], spans[k + 1], frequent, runs);
      let map: OffsetMap | null = null;
      for (let k = 0; k < runs.length; k += 2) {
        const runStart = runs.data[k];
        const runEnd = runs.data[k + 1];
        const key = folded.subarray(runStart, runEnd).join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        map ??= new OffsetMap(text);
        passages.push(text.slice(map.toUtf16(runStart), map.toUtf16(runEnd)));
      }
    }
    return { passages };
  }
}

/** Appends to `runs` the maximal runs of folded[start, end) covered by frequent 20-grams. */
function frequentRuns(folded: Int32Array, start: number, end: number, frequent: HashSet, runs: IntList): void {
  const K = BOILERPLATE_MIN;
  if (end - start < K) return;
  const filter = frequent.filter;
  let runStart = -1;
  let runEnd = -1;
  let h1 = 0;
  let h2 = 0;
  for (let i = start; i < start + K; i++) {
    h1 = (Math.imul(h1, B1) + folded[i]) | 0;
    h2 = (Math.imul(h2, B2) + folded[i]) | 0;
  }
  for (let i = start + K; ; i++) {
    // the gram folded[i - K, i); the filter on h1's top 16 bits skips almost every position
    const top = h1 >>> 16;
    if (((filter[top >>> 5] >>> (top & 31)) & 1) !== 0 && frequent.has(h1, h2)) {
      const pos = i - K;
      if (pos <= runEnd) runEnd = pos + K;
      else {
        if (runStart >= 0) {
          runs.push(runStart);
          runs.push(runEnd);
        }
        runStart = pos;
        runEnd = pos + K;
      }
    }
    if (i >= end) break;
    const out = folded[i - K];
    const c = folded[i];
    h1 = (Math.imul(h1, B1) + c - Math.imul(P1, out)) | 0;
    h2 = (Math.imul(h2, B2) + c - Math.imul(P2, out)) | 0;
  }
  if (runStart >= 0) {
    runs.push(runStart);
    runs.push(runEnd);
  }
}

/** The 20-gram index of a model's passages, cached per model object. */
interface GramSet {
  grams: HashSet;
  formulae: FormulaIndex;
}
const cache = new WeakMap<BoilerplateModel, GramSet>();
const EMPTY: BoilerplateModel = { passages: [] };

function gramSet(model: BoilerplateModel): GramSet {
  let set = cache.get(model);
  if (set) return set;
  const grams = new HashSet();
  for (const passage of model.passages) {
    const folded = foldText(passage);
    forEachGram(folded, 0, folded.length, BOILERPLATE_MIN, (_pos, a, b) => grams.add(a, b));
  }
  const formulae = model.formulae?.length ? [...shippedFormulae(), ...foldFormulae(model.formulae)] : shippedFormulae();
  set = { grams, formulae: indexFormulae(formulae) };
  cache.set(model, set);
  return set;
}

/** Merges sorted-by-start intervals [s0,e0,s1,e1,…] in place order. */
function mergeIntervals(list: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    if (out.length && s <= out[last]) out[last] = Math.max(out[last], e);
    else out.push(s, e);
  }
  return out;
}

/**
 * Where boilerplate stands in one document: sorted, merged intervals [s0,e0,s1,e1,…] of code
 * point offsets (corpus passages and formulae; may be shorter than 20 for short formulae).
 */
export function boilerplateCoverage(folded: Int32Array, paragraphs: Paragraph[], model: BoilerplateModel = EMPTY, extra: number[] = []): number[] {
  const set = gramSet(model);
  const runs = new IntList();
  let curS = -1;
  let curE = -1;
  const raw: number[] = [];
  // formulae are reported in increasing start order, so they merge their own run as they go
  const formula = (s: number, e: number): void => {
    if (s <= curE) curE = Math.max(curE, e);
    else {
      if (curS >= 0) raw.push(curS, curE);
      curS = s;
      curE = e;
    }
  };
  const withGrams = set.grams.h2.length > 0;
  for (const p of paragraphs) {
    if (withGrams) frequentRuns(folded, p.start, p.end, set.grams, runs);
    findFormulae(folded, p.start, p.end, set.formulae, formula);
  }
  if (curS >= 0) raw.push(curS, curE);
  for (let i = 0; i < runs.length; i++) raw.push(runs.data[i]);
  for (const x of extra) raw.push(x);
  return mergeIntervals(raw);
}

/** Longest stretch of [start, end) not covered by the intervals. */
export function longestUncovered(coverage: number[], start: number, end: number): number {
  let best = 0;
  let at = start;
  // binary search the first interval ending after start
  let lo = 0;
  let hi = coverage.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (coverage[2 * mid + 1] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < coverage.length / 2 && coverage[2 * i] < end; i++) {
    const s = coverage[2 * i];
    if (s > at) best = Math.max(best, s - at);
    at = Math.max(at, coverage[2 * i + 1]);
  }
  if (end > at) best = Math.max(best, end - at);
  return best;
}
