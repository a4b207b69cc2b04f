/**
 * Code point helpers. Every offset that is stored, exported or crosses the API is a Unicode
 * code point offset, half-open [start, end). JavaScript strings index UTF-16 units, so all
 * conversions go through this module.
 */

/** A surrogate pair (one astral character); the regex engine finds them faster than a loop. */
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Number of code points in s. */
export function cpLength(s: string): number {
  let n = s.length;
  PAIR.lastIndex = 0;
  while (PAIR.exec(s) !== null) n--;
  return n;
}

/**
 * Maps between UTF-16 unit offsets and code point offsets of one text. Built once per text
 * (O(n)); lookups are O(1) for BMP-only text and O(log k) otherwise (k = astral characters).
 */
export class OffsetMap {
  /** UTF-16 offsets of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly cpLength: number;

  constructor(text: string) {
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) this.astral.push(m.index);
    this.utf16Length = text.length;
    this.cpLength = text.length - this.astral.length;
  }

  get isBmp(): boolean {
    return this.astral.length === 0;
  }

  /** Code point offset of a UTF-16 offset (an offset inside a pair maps to the pair's start). */
  toCp(u: number): number {
    if (this.astral.length === 0) return u;
    // number of astral chars whose high surrogate is strictly before u
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    // an offset pointing at a low surrogate counts its pair, so it maps to the pair's start
    return u - lo;
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(cp: number): number {
    if (this.astral.length === 0) return cp;
    // astral chars before code point cp: those with (astral[k] - k) < cp
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}

/** Slice by code point offsets. */
export function cpSlice(text: string, start: number, end?: number, map?: OffsetMap): string {
  const m = map ?? new OffsetMap(text);
  return text.slice(m.toUtf16(start), end === undefined ? undefined : m.toUtf16(end));
}
