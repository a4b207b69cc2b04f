/**
 * The lexicons of resources/lexicon/*.json, compiled once into lookup structures: a
 * Traditional→Simplified character fold and tries matched directly on the text (no copy).
 */
import fixedJson from '../../../resources/lexicon/fixed-words.json';
import foldJson from '../../../resources/lexicon/fold.json';
import metricJson from '../../../resources/lexicon/metric.json';
import qualifiersJson from '../../../resources/lexicon/qualifiers.json';
import unitsJson from '../../../resources/lexicon/units.json';
import type { Approx } from '../schema';

// ---------------------------------------------------------------------------------------------
// Character fold (Traditional → Simplified, full-width % → %), one UTF-16 unit to one.

/** UTF-16 unit → folded unit (identity except Traditional characters); 128 kB, O(1) lookups. */
const FOLD = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
{
  const p = foldJson.pairs;
  for (let i = 0; i + 1 < p.length; i += 2) FOLD[p.charCodeAt(i)] = p.charCodeAt(i + 1);
}

export function foldCode(c: number): number {
  return c < 0x10000 ? FOLD[c] : c;
}

/** A string with foldCode applied to each UTF-16 unit (same length); `s` itself when nothing folds. */
export function foldString(s: string): string {
  let i = 0;
  while (i < s.length && FOLD[s.charCodeAt(i)] === s.charCodeAt(i)) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) out += String.fromCharCode(FOLD[s.charCodeAt(i)]);
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * A trie over folded UTF-16 units. Built with maps, then (on the first lookup) laid out flat:
 * node k's children are childCode/childNode[childStart[k], childStart[k + 1]), sorted by code
 * and found by binary search; lookups touch typed arrays only.
 */
export class Trie<V> {
  private building: { next: Map<number, number>; value?: V }[] = [{ next: new Map() }];
  /** bitset of the folded first characters, to reject most positions with one array read */
  private readonly first = new Uint32Array(0x10000 >>> 5);
  private childStart = new Int32Array(2);
  private childCode = new Int32Array(0);
  private childNode = new Int32Array(0);
  /** index into values of node k's value, or -1 */
  private valueAt = new Int32Array(1).fill(-1);
  private values: V[] = [];
  private frozen = true;

  add(word: string, value: V): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = foldCode(word.charCodeAt(i));
      if (i === 0) this.first[c >>> 5] |= 1 << (c & 31);
      let child = this.building[node].next.get(c);
      if (child === undefined) {
        child = this.building.length;
        this.building.push({ next: new Map() });
        this.building[node].next.set(c, child);
      }
      node = child;
    }
    if (this.building[node].value === undefined) this.building[node].value = value;
    this.frozen = false;
  }

  private freeze(): void {
    const nodes = this.building;
    let edges = 0;
    for (const n of nodes) edges += n.next.size;
    this.childStart = new Int32Array(nodes.length + 1);
    this.childCode = new Int32Array(edges);
    this.childNode = new Int32Array(edges);
    this.valueAt = new Int32Array(nodes.length).fill(-1);
    this.values = [];
    let e = 0;
    nodes.forEach((n, k) => {
      this.childStart[k] = e;
      for (const [code, child] of [...n.next].sort((a, b) => a[0] - b[0])) {
        this.childCode[e] = code;
        this.childNode[e] = child;
        e++;
      }
      if (n.value !== undefined) {
        this.valueAt[k] = this.values.length;
        this.values.push(n.value);
      }
    });
    this.childStart[nodes.length] = e;
    this.frozen = true;
  }

  private maybeFirst(c: number): boolean {
    return c < 0x10000 && ((this.first[c >>> 5] >>> (c & 31)) & 1) === 1;
  }

  /** The child of node under code c, or -1. */
  private child(node: number, c: number): number {
    let lo = this.childStart[node];
    let hi = this.childStart[node + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.childCode[mid];
      if (m === c) return this.childNode[mid];
      if (m < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Longest word starting at text[i], or null. `limit` bounds the search (exclusive). */
  longest(text: string, i: number, limit = text.length): { len: number; value: V } | null {
    if (i < 0 || i >= limit) return null;
    const c0 = foldCode(text.charCodeAt(i));
    if (!this.maybeFirst(c0)) return null;
    if (!this.frozen) this.freeze();
    let node = 0;
    let bestLen = 0;
    let best = -1;
    for (let j = i; j < limit; j++) {
      node = this.child(node, j === i ? c0 : foldCode(text.charCodeAt(j)));
      if (node < 0) break;
      const v = this.valueAt[node];
      if (v >= 0) { bestLen = j - i + 1; best = v; }
    }
    return best < 0 ? null : { len: bestLen, value: this.values[best] };
  }

  /** Longest word ending exactly at text[end), starting at or after `floor` (this trie holds reversed words). */
  longestEndingAt(text: string, end: number, floor: number): { len: number; value: V } | null {
    if (end - 1 < floor || end < 1) return null;
    const c0 = foldCode(text.charCodeAt(end - 1));
    if (!this.maybeFirst(c0)) return null;
    if (!this.frozen) this.freeze();
    let node = 0;
    let bestLen = 0;
    let best = -1;
    for (let j = end - 1; j >= floor; j--) {
      node = this.child(node, j === end - 1 ? c0 : foldCode(text.charCodeAt(j)));
      if (node < 0) break;
      const v = this.valueAt[node];
      if (v >= 0) { bestLen = end - j; best = v; }
    }
    return best < 0 ? null : { len: bestLen, value: this.values[best] };
  }
}

/** A trie of words plus the trie of the reversed words (to match words ending at a point). */
export class WordSet<V = true> {
  readonly fwd = new Trie<V>();
  readonly rev = new Trie<V>();

  constructor(entries: Iterable<[string, V]>) {
    for (const [w, v] of entries) {
      this.fwd.add(w, v);
      this.rev.add([...w].reverse().join(''), v);
    }
  }

  startsAt(text: string, i: number, limit?: number): { len: number; value: V } | null {
    return this.fwd.longest(text, i, limit);
  }

  endsAt(text: string, end: number, floor = 0): { len: number; value: V } | null {
    return this.rev.longestEndingAt(text, end, floor);
  }
}

const asSet = (words: readonly string[]): WordSet => new WordSet(words.map((w) => [w, true] as [string, true]));

// ---------------------------------------------------------------------------------------------
// Units

export type UnitCategory =
  | 'classifier' | 'measure' | 'verbal' | 'area' | 'money' | 'percent' | 'duration' | 'month' | 'day' | 'quarter';

const UNIT_CATEGORIES: UnitCategory[] = ['classifier', 'measure', 'verbal', 'area', 'money', 'percent', 'duration', 'month', 'day', 'quarter'];

export const UNITS = new WordSet<UnitCategory>(
  UNIT_CATEGORIES.flatMap((cat) => (unitsJson[cat] as string[]).map((u) => [u, cat] as [string, UnitCategory])),
);

/** X（Y） written for the unit XY: first character → allowed second characters. */
export const PAREN_UNITS = new Map<number, Set<number>>();
for (const [a, b] of unitsJson.parenthesised.pairs) {
  const k = foldCode(a.charCodeAt(0));
  if (!PAREN_UNITS.has(k)) PAREN_UNITS.set(k, new Set());
  PAREN_UNITS.get(k)!.add(foldCode(b.charCodeAt(0)));
}

/** Multipliers written after a number (万, 亿, 千万 …) → power of ten. */
export const MULTIPLIERS = new WordSet<number>(Object.entries(unitsJson.multiplier) as [string, number][]);

// ---------------------------------------------------------------------------------------------
// Qualifiers and cue words

type ApproxValue = Exclude<Approx, null>;
const approxEntries = (o: Record<string, string>): [string, ApproxValue][] =>
  Object.entries(o).map(([w, a]) => [w, a as ApproxValue]);

export const PREFIX_QUALIFIERS = new WordSet<ApproxValue>(approxEntries(qualifiersJson.prefix));
export const INFIX_QUALIFIERS = new WordSet<ApproxValue>(approxEntries(qualifiersJson.infix));
export const SUFFIX_QUALIFIERS = new WordSet<ApproxValue>(approxEntries(qualifiersJson.suffix));
export const RANGE_SEPARATORS = asSet(qualifiersJson.rangeSeparators);
export const DURATION_CUES_BEFORE = asSet(qualifiersJson.durationCues.before);
export const DURATION_CUES_AFTER = asSet(qualifiersJson.durationCues.after);
export const FREQUENCY_PREFIXES = asSet(qualifiersJson.frequencyPrefixes);
export const DATE_PREFIXES = asSet(qualifiersJson.datePrefixes);
export const DATE_SUFFIXES = asSet(qualifiersJson.dateSuffixes);
export const YEAR_SUFFIXES = asSet(qualifiersJson.yearSuffixes);

// ---------------------------------------------------------------------------------------------
// Fixed words

/**
 * Fixed words containing numerals, as one trie per position k of a numeral inside the word:
 * for a numeral at text[i], the words covering it start at i - k for some k.
 */
export class FixedWords {
  private readonly byOffset: Trie<true>[] = [];

  constructor(words: readonly string[], isNumeral: (c: number) => boolean) {
    for (const word of words) {
      for (let k = 0; k < word.length; k++) {
        if (!isNumeral(foldCode(word.charCodeAt(k)))) continue;
        while (this.byOffset.length <= k) this.byOffset.push(new Trie<true>());
        this.byOffset[k].add(word, true);
      }
    }
  }

  /** The longest fixed word covering the numeral at text[i]: its [start, end), or null. */
  covering(text: string, i: number): { start: number; end: number } | null {
    let best: { start: number; end: number } | null = null;
    for (let k = 0; k < this.byOffset.length && k <= i; k++) {
      const m = this.byOffset[k].longest(text, i - k);
      if (m && m.len > k && (!best || m.len > best.end - best.start)) best = { start: i - k, end: i - k + m.len };
    }
    return best;
  }
}

export function buildFixedIndex(isNumeral: (c: number) => boolean): { ignore: FixedWords; names: FixedWords } {
  return { ignore: new FixedWords(fixedJson.ignore, isNumeral), names: new FixedWords(fixedJson.names, isNumeral) };
}

// ---------------------------------------------------------------------------------------------
// Metric words

export const CLAUSE_END = new Set<number>([...metricJson.clauseEnds].map((c) => c.charCodeAt(0)));
export const NOUN_BREAKERS = asSet(metricJson.nounBreakers);
export const VERBS_BEFORE_NUMBER = asSet(metricJson.verbsBeforeNumber);
export const ATTRIBUTIVE_ENDS = asSet(metricJson.attributiveEnds);
export const METRIC_LEADING = asSet(metricJson.leading);
export const METRIC_TRAILING = asSet(metricJson.trailing);
export const METRIC_SCOPE = asSet(metricJson.scope);
export const METRIC_KEEP = asSet(metricJson.keepAfterScope);
export const PREDICATE_STARTS = asSet(metricJson.predicateStarts);
export const RESTATEMENTS = asSet(metricJson.restatements);
export const GENERIC_HEADS = asSet(metricJson.genericHeads);
export const CHANGE_VERBS = asSet(metricJson.changeVerbs);
export const DURATION_VERBS = asSet(metricJson.durationVerbs);
