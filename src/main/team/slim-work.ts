/**
 * A work file read for agreement without building the whole file: a validating JSON scanner
 * over the bytes that keeps only what agreement reads — the schema version, the report id, the
 * text hash, the manual findings and each review's status and fields — and walks over the rest
 * (each review's anchor texts, note, tags, annotator; orphans; the undo history) without making
 * objects of it. At 2,000 reports × 5 analysts JSON.parse of every work file and the garbage it
 * left were most of the first agreement on a machine.
 *
 * It answers only when it is sure: the bytes are valid JSON in every part (skipped strings,
 * escapes, numbers and literals checked as JSON.parse checks them), of the current schema, of
 * this report, each review of the shape the full read accepts. Anything else — damaged,
 * another schema version, an escaped key, nesting deeper than MAX_DEPTH, a review the full read
 * would refuse — gives null, and the caller reads the file the full way (workspace.ts
 * readWorkLight), which decides. So where it answers, its answer is the full read's (a property
 * test compares the two on generated and damaged files).
 */
import { type CacheFile, CacheFile as CacheFileSchema, type Finding, Finding as FindingSchema, type Review, STORE_SCHEMA_VERSION } from '../../core/store-schema';
import { exactCheck } from '../store/exact-check';

/** What agreement reads of a work file (the reviews carry status and fields only). */
export interface SlimWork {
  schemaVersion: number;
  documentId: string;
  sha256: string;
  findings: Finding[];
  /** finding id → the review's status and fields */
  reviews: Map<string, Pick<Review, 'status' | 'fields'>>;
}

const MAX_DEPTH = 64;

const QUOTE = 0x22;
const BSL = 0x5c;

/** set by stringEnd: the string just scanned had an escape */
let escaped = false;

const isWs = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function ws(b: Uint8Array, i: number): number {
  while (i < b.length && isWs(b[i]!)) i++;
  return i;
}

const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** the index after the string starting at i (b[i] is a quote), or -1 when it is not a valid JSON string */
function stringEnd(b: Uint8Array, i: number): number {
  escaped = false;
  const n = b.length;
  let k = i + 1;
  while (k < n) {
    const c = b[k]!;
    if (c === QUOTE) return k + 1;
    if (c < 0x20) return -1;
    if (c === BSL) {
      escaped = true;
      const e = b[k + 1];
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) k += 2;
      else if (e === 0x75) {
        if (k + 5 >= n || !isHex(b[k + 2]!) || !isHex(b[k + 3]!) || !isHex(b[k + 4]!) || !isHex(b[k + 5]!)) return -1;
        k += 6;
      } else return -1;
    } else k++;
  }
  return -1;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

function numberEnd(b: Uint8Array, i: number): number {
  let k = i;
  if (b[k] === 0x2d) k++;
  if (b[k] === 0x30) k++;
  else if (isDigit(b[k]) && b[k] !== 0x30) while (isDigit(b[k])) k++;
  else return -1;
  if (b[k] === 0x2e) {
    k++;
    if (!isDigit(b[k])) return -1;
    while (isDigit(b[k])) k++;
  }
  if (b[k] === 0x65 || b[k] === 0x45) {
    k++;
    if (b[k] === 0x2b || b[k] === 0x2d) k++;
    if (!isDigit(b[k])) return -1;
    while (isDigit(b[k])) k++;
  }
  return k;
}

function literalEnd(b: Uint8Array, i: number, word: string): number {
  for (let j = 0; j < word.length; j++) if (b[i + j] !== word.charCodeAt(j)) return -1;
  return i + word.length;
}

/** the index after the JSON value starting at i (no whitespace before it), or -1 */
function valueEnd(b: Uint8Array, i: number, depth: number): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i);
  if (c === 0x7b || c === 0x5b) {
    if (depth >= MAX_DEPTH) return -1;
    const close = c === 0x7b ? 0x7d : 0x5d;
    let k = ws(b, i + 1);
    if (b[k] === close) return k + 1;
    for (;;) {
      if (c === 0x7b) {
        if (b[k] !== QUOTE) return -1;
        k = stringEnd(b, k);
        if (k < 0) return -1;
        k = ws(b, k);
        if (b[k] !== 0x3a) return -1;
        k = ws(b, k + 1);
      }
      k = valueEnd(b, k, depth + 1);
      if (k < 0) return -1;
      k = ws(b, k);
      if (b[k] === 0x2c) k = ws(b, k + 1);
      else if (b[k] === close) return k + 1;
      else return -1;
    }
  }
  if (c === 0x74) return literalEnd(b, i, 'true');
  if (c === 0x66) return literalEnd(b, i, 'false');
  if (c === 0x6e) return literalEnd(b, i, 'null');
  if (c === 0x2d || isDigit(c)) return numberEnd(b, i);
  return -1;
}

/** the bytes of an unescaped key equal `word` */
function keyIs(b: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start - 2 !== word.length) return false;
  for (let j = 0; j < word.length; j++) if (b[start + 1 + j] !== word.charCodeAt(j)) return false;
  return true;
}

/** a string value (b[s..e) including its quotes), decoded as JSON.parse decodes it */
function stringValue(buf: Buffer, s: number, e: number, hadEscape: boolean): string {
  return hadEscape ? (JSON.parse(buf.toString('utf8', s, e)) as string) : buf.toString('utf8', s + 1, e - 1);
}

/**
 * Iterates the members of the object starting at i: `member(keyStart, keyEnd, valueStart)`
 * returns the index after the value or -1. Returns the index after the object, or -1. Keys with
 * escapes are refused (-1): the caller falls back to the full read.
 */
function objectEnd(b: Uint8Array, i: number, member: (ks: number, ke: number, vs: number) => number): number {
  if (b[i] !== 0x7b) return -1;
  let k = ws(b, i + 1);
  if (b[k] === 0x7d) return k + 1;
  for (;;) {
    if (b[k] !== QUOTE) return -1;
    const ks = k;
    k = stringEnd(b, k);
    if (k < 0 || escaped) return -1;
    const ke = k;
    k = ws(b, k);
    if (b[k] !== 0x3a) return -1;
    k = member(ks, ke, ws(b, k + 1));
    if (k < 0) return -1;
    k = ws(b, k);
    if (b[k] === 0x2c) k = ws(b, k + 1);
    else if (b[k] === 0x7d) return k + 1;
    else return -1;
  }
}

const EMPTY_FIELDS = (b: Uint8Array, s: number, e: number): boolean => {
  const k = ws(b, s + 1);
  return b[s] === 0x7b && b[k] === 0x7d && k + 1 === e;
};

/** one empty `fields` for every review that corrected nothing (agreement only reads it) */
const NO_FIELDS: Review['fields'] = Object.freeze({}) as Review['fields'];

/** the status whose quoted bytes are b[s..e) (no escapes), or null */
function statusAt(b: Uint8Array, s: number, e: number): Review['status'] | null {
  for (const st of STATUSES) if (keyIs(b, s, e, st)) return st;
  return null;
}
const STATUSES = ['accepted', 'rejected', 'corrected', 'suggested'] as const;

/** the member keys of a review agreement reads, told apart without making strings */
function reviewKey(b: Uint8Array, ks: number, ke: number): 0 | 1 | 2 | 3 {
  const len = ke - ks - 2;
  if (len === 6 && keyIs(b, ks, ke, 'status')) return 1;
  if (len === 6 && keyIs(b, ks, ke, 'fields')) return 2;
  if (len === 9 && keyIs(b, ks, ke, 'updatedAt')) return 3;
  return 0;
}

/** an unescaped string's text: the bytes as Latin-1 when all are ASCII (the same string, made faster), else UTF-8 */
function plainString(buf: Buffer, s: number, e: number): string {
  for (let k = s; k < e; k++) if (buf[k]! >= 0x80) return buf.toString('utf8', s, e);
  return buf.toString('latin1', s, e);
}

/**
 * The reviews object at i: each review's status and fields into `out` (a repeated key: the last
 * one, as JSON.parse). The index after it, or -1 (anything the full read might judge otherwise).
 */
function reviewsEnd(buf: Buffer, i: number, out: Map<string, Pick<Review, 'status' | 'fields'>>): number {
  const b = buf;
  if (b[i] !== 0x7b) return -1;
  let k = ws(b, i + 1);
  if (b[k] === 0x7d) return k + 1;
  for (;;) {
    // the review's key
    if (b[k] !== QUOTE) return -1;
    const rks = k;
    k = stringEnd(b, k);
    if (k < 0 || escaped) return -1;
    const rke = k;
    k = ws(b, k);
    if (b[k] !== 0x3a) return -1;
    k = ws(b, k + 1);
    // the review: an object
    if (b[k] !== 0x7b) return -1;
    let status: Review['status'] | null = null;
    let fields: Review['fields'] | null = NO_FIELDS;
    let hasUpdatedAt = false;
    k = ws(b, k + 1);
    if (b[k] !== 0x7d) {
      for (;;) {
        if (b[k] !== QUOTE) return -1;
        const fks = k;
        k = stringEnd(b, k);
        if (k < 0 || escaped) return -1;
        const which = reviewKey(b, fks, k);
        k = ws(b, k);
        if (b[k] !== 0x3a) return -1;
        const fvs = ws(b, k + 1);
        k = valueEnd(b, fvs, 3);
        if (k < 0) return -1;
        if (which === 1) status = b[fvs] === QUOTE && !escaped ? statusAt(b, fvs, k) : null;
        else if (which === 2) {
          if (b[fvs] !== 0x7b) fields = null;
          else if (EMPTY_FIELDS(b, fvs, k)) fields = NO_FIELDS;
          else fields = JSON.parse(buf.toString('utf8', fvs, k)) as Review['fields'];
        } else if (which === 3) hasUpdatedAt = b[fvs] === QUOTE;
        k = ws(b, k);
        if (b[k] === 0x2c) k = ws(b, k + 1);
        else if (b[k] === 0x7d) break;
        else return -1;
      }
    }
    k++;
    // what the full read refuses: another status, no time, fields that are not an object
    if (status === null || !hasUpdatedAt || fields === null) return -1;
    out.set(plainString(buf, rks + 1, rke - 1), { status, fields });
    k = ws(b, k);
    if (b[k] === 0x2c) k = ws(b, k + 1);
    else if (b[k] === 0x7d) return k + 1;
    else return -1;
  }
}

/**
 * The work file's agreement part, or null when the full read must decide (see the top). `docId`:
 * the report the file should be of.
 */
export function scanWorkForAgreement(buf: Buffer, docId: string): SlimWork | null {
  const b = buf;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  i = ws(b, i);
  let schemaVersion: unknown;
  let documentId: unknown;
  let sha256: unknown;
  let findings: unknown;
  let reviews: SlimWork['reviews'] | null = null;
  const end = objectEnd(b, i, (ks, ke, vs) => {
    if (keyIs(b, ks, ke, 'reviews')) {
      reviews = new Map();
      return reviewsEnd(buf, vs, reviews);
    }
    const ve = valueEnd(b, vs, 1);
    if (ve < 0) return -1;
    if (keyIs(b, ks, ke, 'schemaVersion')) schemaVersion = b[vs] === 0x2d || isDigit(b[vs]) ? Number(buf.toString('latin1', vs, ve)) : null;
    else if (keyIs(b, ks, ke, 'documentId')) documentId = b[vs] === QUOTE ? stringValue(buf, vs, ve, escaped) : null;
    else if (keyIs(b, ks, ke, 'sha256')) sha256 = b[vs] === QUOTE ? stringValue(buf, vs, ve, escaped) : null;
    else if (keyIs(b, ks, ke, 'findings')) findings = b[vs] === 0x5b ? (JSON.parse(buf.toString('utf8', vs, ve)) as unknown) : null;
    return ve;
  });
  if (end < 0 || ws(b, end) !== b.length) return null;
  if (schemaVersion !== STORE_SCHEMA_VERSION || documentId !== docId || typeof sha256 !== 'string' || !Array.isArray(findings) || reviews === null) return null;
  for (const f of findings) if (!FindingSchema.safeParse(f).success) return null;
  return { schemaVersion, documentId, sha256, findings: findings as Finding[], reviews };
}

const CACHE_KEYS = new Set(['schemaVersion', 'id', 'sha256', 'analyzer', 'sliced', 'text', 'findings']);

/**
 * A report's derived-data file (store v2 cache/<id>.json) without its text, for agreement: the
 * text (most of the file, and most of its decoding) is checked as a JSON string and left out
 * (`text: ''`); the rest is what the store's decoder gives for a file already in its exact form
 * (src/main/store/decode.ts, exact-check.ts). Null — the full decode decides — for anything else:
 * another schema version, a key the schema does not have, a value not in its exact form, damage.
 * Work made on another text needs the text (re-anchoring): the caller decodes in full then.
 */
export function scanCacheForAgreement(buf: Buffer, docId: string): CacheFile | null {
  const b = buf;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  i = ws(b, i);
  const got: Record<string, unknown> = {};
  // the findings, the store's last member, end at the last ']' before the closing '}': JSON.parse checks that slice itself (it
  // fails when they are not last), rather than this scan walking the findings' bytes once more
  let last = b.length - 1;
  while (last >= 0 && isWs(b[last]!)) last--;
  if (b[last] !== 0x7d) return null;
  last--;
  while (last >= 0 && isWs(b[last]!)) last--;
  const end = objectEnd(b, i, (ks, ke, vs) => {
    const k = buf.toString('latin1', ks + 1, ke - 1);
    if (!CACHE_KEYS.has(k)) return -1;
    const c = b[vs];
    if (k === 'findings' && c === 0x5b && b[last] === 0x5d && last > vs) {
      try {
        got.findings = JSON.parse(buf.toString('utf8', vs, last + 1)) as unknown;
      } catch {
        return -1;
      }
      return last + 1;
    }
    const ve = valueEnd(b, vs, 1);
    if (ve < 0) return -1;
    if (k === 'text') got.text = c === QUOTE ? '' : null;
    else if (k === 'findings') got.findings = c === 0x5b ? (JSON.parse(buf.toString('utf8', vs, ve)) as unknown) : null;
    else if (c === QUOTE) got[k] = stringValue(buf, vs, ve, escaped);
    else if (c === 0x2d || isDigit(c)) got[k] = Number(buf.toString('latin1', vs, ve));
    else if (c === 0x74 || c === 0x66) got[k] = c === 0x74;
    else got[k] = null;
    return ve;
  });
  if (end < 0 || ws(b, end) !== b.length) return null;
  if (got.schemaVersion !== STORE_SCHEMA_VERSION || got.id !== docId || got.text !== '') return null;
  const check = exactCheck(CacheFileSchema);
  if (!check?.(got)) return null;
  return got as CacheFile;
}
