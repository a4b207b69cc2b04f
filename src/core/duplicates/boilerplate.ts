import { OffsetMap, splitParagraphs, type Paragraph } from '../text';
import { foldCodes, toCodes } from './codes';
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

/** Boilerplate passages are at least this long (ANNOTATION-GUIDE §2). */
export const BOILERPLATE_MIN = 20;
/** Fewer documents than this give no corpus boilerplate (only the shipped formulae). */
export const MIN_CORPUS = 3;

/**
 * Builds the boilerplate model from all documents of a workspace or CLI run: every maximal
 * passage whose 20-character grams each stand (after folding width and punctuation) in more
 * than half of the documents. Needs at least 3 documents; linear in the corpus size.
 */
export function buildBoilerplate(texts: string[]): BoilerplateModel {
  const n = texts.length;
  if (n < MIN_CORPUS) return { passages: [] };
  const need = Math.floor(n / 2) + 1;
  const K = BOILERPLATE_MIN;
  const ids = new IntMap(1 << 16);
  const h2s = new IntList();
  const counts = new IntList();
  const lastDoc = new IntList();
  const docs = texts.map((text) => {
    const codes = toCodes(text);
    return { text, folded: foldCodes(codes), paragraphs: splitParagraphs(text) };
  });
  docs.forEach((doc, d) => {
    for (const p of doc.paragraphs) {
      forEachGram(doc.folded, p.start, p.end, K, (_pos, h1, h2) => {
        const id = ids.setIfAbsent(h1, counts.length);
        if (id === counts.length) {
          h2s.push(h2);
          counts.push(0);
          lastDoc.push(-1);
        }
        if (h2s.data[id] !== h2 || lastDoc.data[id] === d) return;
        lastDoc.data[id] = d;
        counts.data[id]++;
      });
    }
  });
  const seen = new Set<string>();
  const passages: string[] = [];
  for (const doc of docs) {
    const map = new OffsetMap(doc.text);
    for (const p of doc.paragraphs) {
      let runStart = -1;
      let runEnd = -1;
      const flush = (): void => {
        if (runStart < 0 || runEnd - runStart < K) return;
        const key = Array.from(doc.folded.subarray(runStart, runEnd)).join(',');
        if (!seen.has(key)) {
          seen.add(key);
          passages.push(doc.text.slice(map.toUtf16(runStart), map.toUtf16(runEnd)));
        }
      };
      forEachGram(doc.folded, p.start, p.end, K, (pos, h1, h2) => {
        const id = ids.get(h1);
        if (id < 0 || h2s.data[id] !== h2 || counts.data[id] < need) return;
        if (pos <= runEnd) runEnd = pos + K;
        else {
          flush();
          runStart = pos;
          runEnd = pos + K;
        }
      });
      flush();
    }
  }
  return { passages };
}

/** The 20-gram index of a model's passages, cached per model object. */
interface GramSet {
  ids: IntMap;
  /** 1 where some gram's h1 has these top 16 bits: skips the map for almost every position */
  filter: Uint8Array;
  h2: Int32Array;
  formulae: FormulaIndex;
}
const cache = new WeakMap<BoilerplateModel, GramSet>();
const EMPTY: BoilerplateModel = { passages: [] };

function gramSet(model: BoilerplateModel): GramSet {
  let set = cache.get(model);
  if (set) return set;
  const ids = new IntMap(1024);
  const h2 = new IntList();
  const filter = new Uint8Array(0x10000);
  for (const passage of model.passages) {
    const folded = foldCodes(toCodes(passage));
    forEachGram(folded, 0, folded.length, BOILERPLATE_MIN, (_pos, a, b) => {
      filter[a >>> 16] = 1;
      if (ids.setIfAbsent(a, h2.length) === h2.length) h2.push(b);
    });
  }
  const formulae = model.formulae?.length ? [...shippedFormulae(), ...foldFormulae(model.formulae)] : shippedFormulae();
  set = { ids, filter, h2: h2.data.slice(0, h2.length), formulae: indexFormulae(formulae) };
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
  const raw: number[] = [];
  // each source reports hits in increasing start order, so each merges its own run as it goes
  const adder = (): { add: (s: number, e: number) => void; flush: () => void } => {
    let curS = -1;
    let curE = -1;
    return {
      add(s, e) {
        if (s <= curE) curE = Math.max(curE, e);
        else {
          if (curS >= 0) raw.push(curS, curE);
          curS = s;
          curE = e;
        }
      },
      flush() {
        if (curS >= 0) raw.push(curS, curE);
      },
    };
  };
  const grams = adder();
  const formulae = adder();
  for (const p of paragraphs) {
    if (set.h2.length) {
      forEachGram(folded, p.start, p.end, BOILERPLATE_MIN, (pos, h1, h2) => {
        if (!set.filter[h1 >>> 16]) return;
        const id = set.ids.get(h1);
        if (id >= 0 && set.h2[id] === h2) grams.add(pos, pos + BOILERPLATE_MIN);
      });
    }
    findFormulae(folded, p.start, p.end, set.formulae, formulae.add);
  }
  grams.flush();
  formulae.flush();
  raw.push(...extra);
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
