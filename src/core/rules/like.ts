/**
 * "Like this one": which other findings an analyst's decision on one finding fits. Two findings
 * are alike when they are of the same type and kind and their surface text is the same after
 * folding (full-width → half-width, whitespace dropped, Traditional → Simplified); for a fix of
 * a figure's metric or unit, when they share the same clause pattern instead (the figure's text
 * with its numbers as `#`, after the words right before it in its clause), so `召开常委会会议9次`
 * is like `召开常委会会议12次` in another report. Pure.
 */
import { foldString } from '../figures/lexicon';
import type { Finding, Review } from '../store-schema';
import { findingSpan } from '../document/findings';
import { OffsetMap } from '../text';

/** Full-width ASCII → ASCII, whitespace dropped, Traditional → Simplified. */
export function foldSurface(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 0x85;
    const wide = c >= 0xff01 && c <= 0xff5e;
    if (!space && !wide) continue;
    out += s.slice(from, i);
    if (wide) out += String.fromCharCode(c - 0xfee0);
    from = i + 1;
  }
  return foldString(from === 0 ? s : out + s.slice(from));
}

/** How many code points of the clause before a figure its pattern keeps. */
export const CLAUSE_CONTEXT = 8;
const CLAUSE_END = new Set([...'，。；：！？、,.;:!?（）()“”"\'‘’《》\n\r'].map((c) => c.charCodeAt(0)));
const NUMBER_RUN = /[0-9０-９.．%％〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+/g;

/** A figure's text with each run of numerals (Arabic or Chinese) as `#` (folded). */
export function numberPattern(text: string): string {
  return foldSurface(text).replace(NUMBER_RUN, '#');
}

const isSpace = (c: number): boolean => c <= 0x20 || c === 0x3000 || c === 0xa0;

/**
 * The clause pattern of the span [start, end) of `text` (code points): up to CLAUSE_CONTEXT
 * code points before it (whitespace not counted), back to no further than the clause's start
 * (a punctuation mark or a line end), folded; then `|`, then the span's number pattern.
 */
export function clausePattern(text: string, start: number, end: number, map: OffsetMap = new OffsetMap(text)): string {
  return `${clauseContext(text, start, map)}|${numberPattern(text.slice(map.toUtf16(start), map.toUtf16(end)))}`;
}

/** The part of the clause pattern before `|`: the folded words right before code point `start`. */
export function clauseContext(text: string, start: number, map: OffsetMap): string {
  const s = map.toUtf16(start);
  let i = s;
  let n = 0;
  while (i > 0 && n < CLAUSE_CONTEXT) {
    const c = text.charCodeAt(i - 1);
    if (CLAUSE_END.has(c)) break;
    i--;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) i--;
    if (!isSpace(c)) n++;
  }
  return foldSurface(text.slice(i, s));
}

/** The surface text of a finding: a figure's or defect's text, a duplicate's copy. */
export function surfaceOf(f: Finding): string {
  return f.type === 'duplicate' ? f.data.b.text : f.data.text;
}

/** What a decision is, for finding its like: `pattern` when it fixes a figure's metric or unit. */
export type LikeMode = 'surface' | 'pattern';

/** Arabic digits in a surface text: such a figure is data, alike only in its clause. */
const ARABIC_DIGIT = /[0-9０-９]/u;

/**
 * The mode a review's decision is matched by — the same the rule it teaches matches by (see
 * ruleFromDecision), so "apply to all like this" previews what the rule will do on re-analysis:
 * a figure's metric or unit fix, a rejected figure, and any decision on a figure written with
 * Arabic digits (but a value fix) by clause pattern; the rest (a name, a figure in words, a
 * value fix, duplicates and defects) by surface.
 */
export function likeModeOf(finding: Finding, review: Pick<Review, 'fields'> & { status?: Review['status'] } | null | undefined): LikeMode {
  if (finding.type !== 'figure' || !review) return 'surface';
  const keys = Object.keys(review.fields);
  if (keys.includes('value') || keys.includes('value_to')) return 'surface';
  if (keys.length > 0 && keys.every((k) => k === 'metric' || k === 'unit')) return 'pattern';
  if (review.status === 'rejected') return 'pattern';
  return ARABIC_DIGIT.test(finding.data.text) ? 'pattern' : 'surface';
}

/** The key two findings share when they are alike under `mode`. */
export function likeKey(text: string, f: Finding, mode: LikeMode, map?: OffsetMap): string {
  const kind = (f.data as { kind: string }).kind;
  if (mode === 'pattern') {
    const span = findingSpan(f);
    return `${f.type}/${kind}/p/${clausePattern(text, span.start, span.end, map)}`;
  }
  return `${f.type}/${kind}/s/${foldSurface(surfaceOf(f))}`;
}

export interface LikeDocument {
  id: string;
  text: string;
  findings: readonly Finding[];
  reviews: Readonly<Record<string, Review>>;
}

export interface LikeDecision {
  documentId: string;
  findingId: string;
  /** the decision's review (its status and fields choose the mode); null or absent: by surface */
  review?: (Pick<Review, 'fields'> & { status?: Review['status'] }) | null;
}

export interface LikeMatch {
  documentId: string;
  findingId: string;
}

/**
 * The findings like the decided one across `documents` (one report or a workspace): same key,
 * not the decided finding itself, not already reviewed (a status other than suggested, or a
 * review with corrected fields: the analyst's work is never overwritten). Reading order per
 * document, documents in the given order.
 */
export function findLike(documents: readonly LikeDocument[], decision: LikeDecision): LikeMatch[] {
  const home = documents.find((d) => d.id === decision.documentId);
  const decided = home?.findings.find((f) => f.id === decision.findingId);
  if (!home || !decided) return [];
  const mode = likeModeOf(decided, decision.review ?? home.reviews[decided.id]);
  const key = likeKey(home.text, decided, mode);
  const out: LikeMatch[] = [];
  for (const d of documents) {
    let map: OffsetMap | null = null;
    for (const f of d.findings) {
      if (d.id === home.id && f.id === decided.id) continue;
      if (f.type !== decided.type || (f.data as { kind: string }).kind !== (decided.data as { kind: string }).kind) continue;
      if (isReviewed(d.reviews[f.id])) continue;
      if (mode === 'pattern') map ??= new OffsetMap(d.text);
      if (likeKey(d.text, f, mode, map ?? undefined) === key) out.push({ documentId: d.id, findingId: f.id });
    }
  }
  return out;
}

/** Whether the analyst has made a decision on a finding (a review that is more than a suggestion). */
export function isReviewed(r: Review | null | undefined): boolean {
  return !!r && (r.status !== 'suggested' || Object.keys(r.fields).length > 0);
}
