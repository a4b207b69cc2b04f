import { DIFF_EQUAL, diffLevenshtein, diffMain, matchMain } from 'diff-match-patch-es';
import { encodeAstral } from './astral';

/** match_main's bitap works on 32-bit integers: patterns longer than this throw. */
export const MATCH_MAX = 32;

export interface QuoteMatch {
  /** code point offsets of the re-anchored quote, half-open */
  start: number;
  end: number;
  /** true if text[start, end) equals the quote exactly */
  exact: boolean;
}

export interface MatchQuoteOptions {
  /** how far from nearCp a fuzzy match may be (match_main's Match_Distance); default 1000 */
  distance?: number;
  /** 0 = exact only … 1 = very loose (match_main's Match_Threshold); default 0.5 */
  threshold?: number;
  /** longest span whose fuzzy similarity is verified with a diff; longer spans must be exact */
  maxVerify?: number;
}

function nearestExact(text: string, quote: string, near: number): number {
  const after = text.indexOf(quote, near);
  const before = near > 0 ? text.lastIndexOf(quote, near - 1) : -1;
  if (after < 0) return before;
  if (before < 0) return after;
  return near - before <= after - near ? before : after;
}

/**
 * Re-anchors `quote` in `text` near code point `nearCp` after the text may have changed.
 * Exact occurrences win (the nearest). Otherwise quotes of up to 32 characters go through
 * match_main; longer ones are anchored by their first and last 32 characters, and the span
 * between is verified (same text, or within 10% edit distance). Offsets are code points.
 */
export function matchQuote(text: string, quote: string, nearCp: number, options: MatchQuoteOptions = {}): QuoteMatch | null {
  if (!quote) return null;
  const codec = encodeAstral(text, quote);
  const [t, q] = codec.encoded; // one unit per code point from here on
  const near = Math.max(0, Math.min(nearCp, t.length));
  const exact = nearestExact(t, q, near);
  if (exact >= 0) return { start: exact, end: exact + q.length, exact: true };
  const opts = { matchDistance: options.distance ?? 1000, matchThreshold: options.threshold ?? 0.5 };
  if (q.length <= MATCH_MAX) {
    const at = matchMain(t, q, near, opts);
    if (at < 0) return null;
    const end = Math.min(t.length, at + q.length);
    return { start: at, end, exact: t.slice(at, end) === q };
  }
  const head = q.slice(0, MATCH_MAX);
  const tail = q.slice(q.length - MATCH_MAX);
  const start = matchMain(t, head, near, opts);
  if (start < 0) return null;
  const tailAt = matchMain(t, tail, start + q.length - MATCH_MAX, opts);
  if (tailAt < 0) return null;
  const end = tailAt + MATCH_MAX;
  if (end <= start) return null;
  const span = t.slice(start, end);
  if (span === q) return { start, end, exact: true };
  const maxVerify = options.maxVerify ?? 20000;
  if (Math.abs(span.length - q.length) > q.length * 0.1 || q.length > maxVerify) return null;
  const diffs = diffMain(q, span, { diffTimeout: 0.5 });
  const equal = diffs.reduce((n, [op, s]) => n + (op === DIFF_EQUAL ? s.length : 0), 0);
  if (equal === 0 || diffLevenshtein(diffs) > q.length * 0.1) return null;
  return { start, end, exact: false };
}
