import type { Duplicate, Span } from '../schema';
import { BOILERPLATE_MIN, longestUncovered } from './boilerplate';
import { isPieceOfFormula } from './formulae';
import { isLetter } from './codes';
import { type DocContext, span } from './context';
import type { Match } from './copied';
import { COPY_MIN } from './copied';
import { NEAR_MIN_SIMILARITY, type NearIndex } from './near';

/** One Duplicate for a group of places (a, b = the first two; places when more than two). */
export function groupDuplicate(kind: Duplicate['kind'], places: Span[], length: number, similarity?: number): Duplicate {
  const sorted = [...places].sort((x, y) => x.start - y.start);
  const d: Duplicate = { kind, a: sorted[0], b: sorted[1] ?? sorted[0], length };
  if (similarity !== undefined) d.similarity = Math.round(similarity * 1000) / 1000;
  if (sorted.length > 2) d.places = sorted;
  return d;
}

/** Exact copies of a paragraph (raw text identical) by paragraph index, for mapping places. */
export type CopiesOf = Map<number, number[]>;

/** The same span in every raw-identical copy of its paragraph. */
function mirrored(ctx: DocContext, copies: CopiesOf, para: number, start: number, end: number): Span[] {
  const out: Span[] = [];
  const p = ctx.paragraphs[para];
  for (const c of copies.get(para) ?? []) {
    const q = ctx.paragraphs[c];
    if (q.text !== p.text) continue;
    out.push(span(ctx, q.start + (start - p.start), q.start + (end - p.start)));
  }
  return out;
}

/** Paragraph indices below this make a pair src * PAIR_BASE + dst that is exact in a double (< 2^52). */
const PAIR_BASE = 2 ** 26;

/**
 * near_paragraph groups from the paragraph pairs that share a run: a later paragraph joins the
 * group of the earlier one when their 5-gram Jaccard similarity is ≥ 0.8. Returns the groups
 * and the set of near pairs (key "src:dst").
 */
export function nearGroups(ctx: DocContext, matches: Match[], near: NearIndex, copies: CopiesOf): { duplicates: Duplicate[]; pairs: Set<string> } {
  // characters each (src, dst) pair shares in runs: a near pair (Jaccard ≥ 0.8) has edits at
  // most every ~45 characters, so runs of ≥ 20 cover most of it; pairs that share less than
  // half the shorter paragraph, or whose lengths differ by more than 30%, are not compared
  // (keyed by src * PAIR_BASE + dst: a number, not a string built and split per match; a Map
  // keeps insertion order whatever its keys, so the pairs are visited in the same order. A
  // document with PAIR_BASE paragraphs or more, where the number would not be exact, keeps the string.)
  const numeric = ctx.paragraphs.length < PAIR_BASE;
  const shared = new Map<number | string, number>();
  for (const m of matches) {
    const key = numeric ? m.srcPara * PAIR_BASE + m.dstPara : `${m.srcPara}:${m.dstPara}`;
    shared.set(key, (shared.get(key) ?? 0) + (m.dstEnd - m.dstStart));
  }
  const byRep = new Map<number, { members: number[]; sim: number }>();
  const pairs = new Set<string>();
  for (const [pair, chars] of shared) {
    const [src, dst] = typeof pair === 'number' ? [Math.floor(pair / PAIR_BASE), pair % PAIR_BASE] : pair.split(':').map(Number);
    const la = ctx.paragraphs[src].end - ctx.paragraphs[src].start;
    const lb = ctx.paragraphs[dst].end - ctx.paragraphs[dst].start;
    if (chars < 0.5 * Math.min(la, lb) || Math.min(la, lb) < 0.7 * Math.max(la, lb)) continue;
    const sim = near.similarity(src, dst);
    if (sim < NEAR_MIN_SIMILARITY || sim >= 1) continue;
    pairs.add(`${src}:${dst}`);
    const g = byRep.get(src);
    if (g) g.members.push(dst);
    else byRep.set(src, { members: [dst], sim });
  }
  const duplicates: Duplicate[] = [];
  for (const [rep, g] of byRep) {
    const paras = [rep, ...(copies.get(rep) ?? []), ...g.members];
    const places = paras.map((i) => span(ctx, ctx.paragraphs[i].start, ctx.paragraphs[i].end));
    duplicates.push(groupDuplicate('near_paragraph', places, Math.min(...places.map((s) => s.end - s.start)), g.sim));
  }
  return { duplicates, pairs };
}

/** Connected components of the near pairs: paragraph → component id. */
function nearComponents(pairs: Set<string>): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  for (const key of pairs) {
    const [a, b] = key.split(':').map(Number);
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const out = new Map<number, number>();
  for (const x of parent.keys()) out.set(x, find(x));
  return out;
}

/**
 * copied_passage groups: matches are grouped by their source span (the first occurrence), so a
 * passage standing N times is one group with N places. Matches between paragraphs of one
 * near_paragraph group, matches
 * that are boilerplate but for < 20 characters, and runs with fewer than 10 letters are dropped.
 */
export function copiedGroups(ctx: DocContext, matches: Match[], nearPairs: Set<string>, coverage: number[], copies: CopiesOf): Duplicate[] {
  const component = nearComponents(nearPairs);
  const sameComponent = (x: number, y: number): boolean => {
    const cx = component.get(x);
    return cx !== undefined && cx === component.get(y);
  };
  const kept = matches.filter((m) => {
    if (sameComponent(m.srcPara, m.dstPara)) return false;
    // a piece of a standard formula on either side is boilerplate, not a copy
    if (longestUncovered(coverage, m.dstStart, m.dstEnd) < COPY_MIN || longestUncovered(coverage, m.srcStart, m.srcEnd) < COPY_MIN) return false;
    if (isPieceOfFormula(ctx.folded, m.dstStart, m.dstEnd)) return false;
    let letters = 0;
    for (let i = m.dstStart; i < m.dstEnd && letters < 10; i++) if (isLetter(ctx.codes[i])) letters++;
    return letters >= 10;
  });
  kept.sort((x, y) => x.srcStart - y.srcStart || y.srcEnd - x.srcEnd);
  const groups: { src: Match; members: Match[] }[] = [];
  const open = new Map<number, { src: Match; members: Match[] }[]>(); // by source paragraph
  for (const m of kept) {
    const list = open.get(m.srcPara) ?? [];
    const g = list.find((x) => {
      const ov = Math.min(x.src.srcEnd, m.srcEnd) - Math.max(x.src.srcStart, m.srcStart);
      return ov >= 0.8 * Math.max(x.src.srcEnd - x.src.srcStart, m.srcEnd - m.srcStart);
    });
    if (g) g.members.push(m);
    else {
      const ng = { src: m, members: [m] };
      list.push(ng);
      open.set(m.srcPara, list);
      groups.push(ng);
    }
  }
  return groups.map(({ src, members }) => {
    const places: Span[] = [span(ctx, src.srcStart, src.srcEnd), ...mirrored(ctx, copies, src.srcPara, src.srcStart, src.srcEnd)];
    for (const m of members) {
      places.push(span(ctx, m.dstStart, m.dstEnd), ...mirrored(ctx, copies, m.dstPara, m.dstStart, m.dstEnd));
    }
    const uniq = [...new Map(places.map((s) => [`${s.start}:${s.end}`, s])).values()];
    return groupDuplicate('copied_passage', uniq, Math.min(...members.map((m) => m.dstEnd - m.dstStart)));
  });
}

/**
 * boilerplate findings: covered stretches of ≥ 20 characters, one per distinct text
 * with all its places (a = b for a passage standing once).
 */
export function boilerplateGroups(ctx: DocContext, coverage: number[]): Duplicate[] {
  const byText = new Map<string, Span[]>();
  for (let i = 0; i < coverage.length; i += 2) {
    const s = coverage[i];
    const e = coverage[i + 1];
    if (e - s < BOILERPLATE_MIN) continue;
    const place = span(ctx, s, e);
    const key = place.text;
    const list = byText.get(key);
    if (list) list.push(place);
    else byText.set(key, [place]);
  }
  return [...byText.values()].map((places) => groupDuplicate('boilerplate', places, places[0].end - places[0].start));
}
