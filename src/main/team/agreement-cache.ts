/**
 * The machine-local cache of per-report agreement figures (core/team `documentFigures`), so that
 * the first agreement call of a session does not read and match every analyst's work again.
 *
 *   .report-annotator/cache/team-agreement.v1   (cache/ is in the .stignore: never synced)
 *
 * One entry per report: the figures of every pair on it and the *fingerprint* they were computed
 * from — the report's derived-data file and each analyst's work file on it, each by path, inode,
 * size, mtime and ctime (a sync or a store write replaces a file: new inode and ctime; ctime
 * cannot be set back by a tool), the analysts' order and the figures' version. An entry is used
 * only when its fingerprint equals the one taken now, so a file changed since gives a
 * recomputation, never the old figures.
 *
 * The file is a header line (format, versions, the workspace folder, the byte order, the
 * index's length and the SHA-256 of the rest), a JSON index (the strings, and per report its
 * fingerprint and where its numbers are) and the numbers (Float64, read back without parsing). A file that is missing, truncated, damaged (hash), of another format
 * or version, or made for another folder is ignored as a whole (and replaced on the next save);
 * an entry that does not decode exactly is ignored alone. Written by temp file + rename, after
 * the call that changed it; written only by an app that can write the workspace.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { replaceCacheFile } from '../store/temp-files';
import { ThrottledWrite } from '../store/throttled-write';
import { AGREEMENT_FIGURES_VERSION, FlatStrings, checkFlatFigures } from '../../core/team';

export const AGREEMENT_CACHE_NAME = 'team-agreement.v1';
const HASH_SLICE = 4 << 20;
/** the longest stretch the write's assembling runs before it lets other work in */
const WRITE_SLICE_MS = 8;
const FORMAT = 'report-annotator/team-agreement-cache';
/** what the layers are read as (src/main/team/workspace.ts: reviewedOf, slim, readWorkLight): bump when it changes */
export const LAYER_READ_VERSION = 1;

interface Entry {
  fp: string;
  /** the report's flat figures (core/team flattenFigures); null: the report does not count (fewer than two layers with reviewed findings) */
  flat: Float64Array | null;
  /** checked against the strings and the analysts' order (entries read from the file are checked when first used) */
  checked: boolean;
}

export class AgreementCache {
  private readonly entries = new Map<string, Entry>();
  private table = new FlatStrings();
  private loaded = false;
  private dirty = false;
  /** what the first read found (tests, bench) */
  loadState: 'none' | 'missing' | 'ok' | 'damaged' | 'foreign' = 'none';

  constructor(
    readonly file: string,
    /** the workspace folder (a cache made for another folder is not used) */
    private readonly dir: string,
    /** the app's version (a new build computes again) */
    private readonly appVersion: string,
    private readonly writable: boolean,
  ) {}

  /** the strings of every entry's flat figures (analysts, kinds, values); the file is read first */
  get strings(): FlatStrings {
    this.load();
    return this.table;
  }

  static in(cacheDir: string, dir: string, appVersion: string, writable: boolean): AgreementCache {
    return new AgreementCache(join(cacheDir, AGREEMENT_CACHE_NAME), dir, appVersion, writable);
  }

  private header(): Record<string, unknown> {
    return { format: FORMAT, figures: AGREEMENT_FIGURES_VERSION, layers: LAYER_READ_VERSION, app: this.appVersion, dir: this.dir, endian: endianness() };
  }

  /** Reads the file once (synchronously: one file); anything not exactly as written leaves the cache empty. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      this.loadState = 'missing';
      return;
    }
    this.loadState = 'damaged';
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return;
    let head: Record<string, unknown>;
    try {
      head = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
    } catch {
      return;
    }
    if (!head || typeof head !== 'object' || head.format !== FORMAT) return;
    const want = this.header();
    for (const k of Object.keys(want)) {
      if (head[k] !== want[k]) {
        this.loadState = 'foreign';
        return;
      }
    }
    const rest = bytes.subarray(nl + 1);
    const indexLength = head.indexLength;
    if (typeof indexLength !== 'number' || !Number.isInteger(indexLength) || indexLength < 0 || indexLength > rest.length) return;
    if ((rest.length - indexLength) % 8 !== 0 || head.sha256 !== createHash('sha256').update(rest).digest('hex')) return;
    let index: { strings?: unknown; docs?: unknown };
    try {
      index = JSON.parse(rest.subarray(0, indexLength).toString('utf8')) as typeof index;
    } catch {
      return;
    }
    const list = index?.strings;
    const docs = index?.docs;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string') || new Set(list).size !== list.length || !docs || typeof docs !== 'object' || Array.isArray(docs)) return;
    const body = rest.subarray(indexLength);
    const all = new Float64Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
    const entries = new Map<string, Entry>();
    for (const [docId, e] of Object.entries(docs as Record<string, unknown>)) {
      if (!Array.isArray(e) || e.length !== 3) return;
      const [fp, offset, length] = e as unknown[];
      if (typeof fp !== 'string' || typeof offset !== 'number' || typeof length !== 'number' || !Number.isInteger(offset) || !Number.isInteger(length) || offset < 0) return;
      if (length === -1) entries.set(docId, { fp, flat: null, checked: true });
      else if (length > 0 && offset + length <= all.length) entries.set(docId, { fp, flat: all.subarray(offset, offset + length), checked: false });
      else return;
    }
    this.table = new FlatStrings(list as string[]);
    for (const [k, v] of entries) this.entries.set(k, v);
    this.loadState = 'ok';
  }

  /**
   * The report's flat figures kept under this fingerprint (null: the report does not count), or
   * undefined when there are none — or when they are not exactly what flattenFigures writes, or
   * name pairs other than of `analysts` in their order (`rank`): then they are dropped.
   */
  get(docId: string, fp: string, analysts: readonly string[], rank: ReadonlyMap<string, number>): Float64Array | null | undefined {
    this.load();
    const e = this.entries.get(docId);
    if (!e || e.fp !== fp) return undefined;
    if (!e.checked) {
      const pairs = checkFlatFigures(e.flat!, this.strings.list);
      const ok =
        pairs !== null &&
        pairs.every(([a, b]) => {
          const x = this.strings.list[a]!;
          const y = this.strings.list[b]!;
          return analysts.includes(x) && analysts.includes(y) && rank.has(x) && rank.has(y) && rank.get(x)! < rank.get(y)!;
        });
      if (!ok) {
        this.entries.delete(docId);
        this.dirty = true;
        return undefined;
      }
      e.checked = true;
    }
    return e.flat;
  }

  /** Whether anything is kept for the report (under any fingerprint): when not, no fingerprint can hit. */
  has(docId: string): boolean {
    this.load();
    return this.entries.has(docId);
  }

  set(docId: string, fp: string, flat: Float64Array | null): void {
    this.load();
    this.entries.set(docId, { fp, flat, checked: true });
    this.dirty = true;
  }

  /** Forgets reports not in `keep` (gone from the workspace). */
  retain(keep: ReadonlySet<string>): void {
    this.load();
    for (const id of this.entries.keys()) {
      if (!keep.has(id)) {
        this.entries.delete(id);
        this.dirty = true;
      }
    }
  }

  /**
   * Writes the file when something changed since it was read or written (one save at a time),
   * at most once per MIN_WRITE_INTERVAL_MS: while teammates' reviews arrive and the agreement
   * is open, each call would otherwise rewrite the whole file; a later write takes them all in.
   */
  save(): Promise<void> {
    return this.writer.request();
  }

  /** Writes now what a deferred save would have written (the workspace closes). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  static MIN_WRITE_INTERVAL_MS = 10_000;
  private readonly writer = new ThrottledWrite(() => this.write(), () => this.writable && this.dirty, () => AgreementCache.MIN_WRITE_INTERVAL_MS);

  private async write(): Promise<void> {
    // after the call's answer went out: the assembling and hashing below are not the caller's wait
    await new Promise((r) => setImmediate(r));
    if (!this.dirty) return;
    this.dirty = false;
    // what is written: the entries as they are now (one may be replaced or added while this yields below: that sets
    // `dirty` again, and the next save writes it), with the strings they refer to (the list only grows)
    const list = [...this.entries];
    const strings = this.strings.list.slice();
    const docs: Record<string, [string, number, number]> = {};
    let total = 0;
    for (const [, e] of list) total += e.flat?.length ?? 0;
    const all = new Float64Array(total);
    let at = 0;
    // assembled in slices with a turn of the event loop between them (44 MB at 2,000 reports × 5 analysts: at once it blocked
    // the event loop for 0.3 s under load)
    let slice = performance.now();
    for (const [docId, e] of list) {
      if (performance.now() - slice >= WRITE_SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        slice = performance.now();
      }
      if (e.flat === null) {
        docs[docId] = [e.fp, 0, -1];
        continue;
      }
      all.set(e.flat, at);
      docs[docId] = [e.fp, at, e.flat.length];
      at += e.flat.length;
    }
    const index = Buffer.from(JSON.stringify({ strings, docs }), 'utf8');
    const body = new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
    // hashed in slices with a turn of the event loop between them (tens of MB for a large workspace: one update blocked it for a tenth of a second or more)
    const hash = createHash('sha256').update(index);
    for (let off = 0; off < body.length; off += HASH_SLICE) {
      hash.update(body.subarray(off, off + HASH_SLICE));
      if (off + HASH_SLICE < body.length) await new Promise((r) => setImmediate(r));
    }
    const sha256 = hash.digest('hex');
    const head = Buffer.from(`${JSON.stringify({ ...this.header(), indexLength: index.length, sha256 })}\n`, 'utf8');
    try {
      await replaceCacheFile(this.file, [head, index, body]);
    } catch (e) {
      this.dirty = true;
      throw e;
    }
  }
}
