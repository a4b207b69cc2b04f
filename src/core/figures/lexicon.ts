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

// ---------------------------------------------------------------------------------------------
// Trie over folded UTF-16 units.

interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  value?: V;
}

export class Trie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };
  /** bitset of the folded first characters, to reject most positions with one array read */
  private readonly first = new Uint32Array(0x10000 >>> 5);

  add(word: string, value: V): void {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = foldCode(word.charCodeAt(i));
      if (i === 0) this.first[c >>> 5] |= 1 << (c & 31);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    if (node.value === undefined) node.value = value;
  }

  private maybeFirst(c: number): boolean {
    return c < 0x10000 && ((this.first[c >>> 5] >>> (c & 31)) & 1) === 1;
  }

  /** Longest word starting at text[i], or null. `limit` bounds the search (exclusive). */
  longest(text: string, i: number, limit = text.length): { len: number; value: V } | null {
    if (i < 0 || i >= limit) return null;
    const c0 = foldCode(text.charCodeAt(i));
    if (!this.maybeFirst(c0)) return null;
    let node: TrieNode<V> | undefined = this.root;
    let bestLen = 0;
    let bestValue: V | undefined;
    for (let j = i; j < limit; j++) {
      node = node.next.get(j === i ? c0 : foldCode(text.charCodeAt(j)));
      if (!node) break;
      if (node.value !== undefined) { bestLen = j - i + 1; bestValue = node.value; }
    }
    return bestValue === undefined ? null : { len: bestLen, value: bestValue };
  }

  /** Longest word ending exactly at text[end), starting at or after `floor` (this trie holds reversed words). */
  longestEndingAt(text: string, end: number, floor: number): { len: number; value: V } | null {
    if (end - 1 < floor || end < 1) return null;
    const c0 = foldCode(text.charCodeAt(end - 1));
    if (!this.maybeFirst(c0)) return null;
    let node: TrieNode<V> | undefined = this.root;
    let bestLen = 0;
    let bestValue: V | undefined;
    for (let j = end - 1; j >= floor; j--) {
      node = node.next.get(j === end - 1 ? c0 : foldCode(text.charCodeAt(j)));
      if (!node) break;
      if (node.value !== undefined) { bestLen = end - j; bestValue = node.value; }
    }
    return bestValue === undefined ? null : { len: bestLen, value: bestValue };
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
export const METRIC_LEADING = asSet(metricJson.leading);
export const METRIC_TRAILING = asSet(metricJson.trailing);
export const METRIC_SCOPE = asSet(metricJson.scope);
export const METRIC_KEEP = asSet(metricJson.keepAfterScope);
