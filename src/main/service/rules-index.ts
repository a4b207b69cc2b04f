/**
 * undo-s6: the like-index — which reports may hold a finding "like this one", so a workspace
 * preview of "apply to all like this" reads those reports only, not every report each time.
 *
 * Per report: the hashes of the like keys (core/rules likeKey, both modes) of its findings the
 * analyst has not decided on. Derived data, kept in memory on this machine only, and stamped
 * with the report's two files as they are on disk (inode, modification time in ns, size of the
 * cache file and of this analyst's work file): every store write replaces a file by a new one
 * (temp file + rename), so any change to the report's text, findings, reviews or manual
 * findings gives another stamp and the entry is made again before it is used (while the store
 * reports a failed write, the index is not used). The index only narrows the reports read: findLike then
 * runs on them as before, so a hash that collides costs one report read, never a wrong match.
 */
import { stat } from 'node:fs/promises';
import { isReviewed, likeKey } from '../../core/rules';
import type { DocumentFile } from '../../core/store-schema';
import { OffsetMap } from '../../core/text';
import type { WorkspaceStore } from '../store';
import { layoutOf } from '../store/layout';

interface Entry {
  stamp: string;
  /** sorted, distinct */
  keys: Uint32Array;
}

/** FNV-1a, 32 bits, over the UTF-16 units. */
export function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hashes of the like keys of the undecided findings of a document, sorted and distinct. */
export function documentKeys(doc: Pick<DocumentFile, 'text' | 'findings' | 'reviews'>): Uint32Array {
  let map: OffsetMap | null = null;
  const out: number[] = [];
  // the decided ids as a set (a property lookup per finding id costs more than the keys)
  const decided = new Set<string>();
  for (const [id, r] of Object.entries(doc.reviews)) if (isReviewed(r)) decided.add(id);
  for (const f of doc.findings) {
    if (decided.has(f.id)) continue;
    out.push(keyHash(likeKey(doc.text, f, 'surface')));
    if (f.type === 'figure') out.push(keyHash(likeKey(doc.text, f, 'pattern', (map ??= new OffsetMap(doc.text)))));
  }
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

function has(keys: Uint32Array, h: number): boolean {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === h;
}

const STAT_BATCH = 64;

export class LikeIndex {
  private readonly entries = new Map<string, Entry>();
  /** reports read to make or remake an entry at the last lookup (for tests and the bench) */
  lastRead = 0;

  constructor(private readonly store: WorkspaceStore) {}

  /** The report's files on disk as a stamp (any write replaces a file: another inode and time). */
  private async stamp(id: string): Promise<string> {
    const layout = layoutOf(this.store.dir);
    const one = async (path: string): Promise<string> => {
      const s = await stat(path, { bigint: true }).catch(() => null);
      return s ? `${s.ino}:${s.mtimeNs}:${s.size}` : '-';
    };
    const [cache, work] = await Promise.all([one(layout.cacheFile(id)), one(layout.workFile(this.store.analyst.id, id))]);
    return `${cache}/${work}`;
  }

  /**
   * Of the reports `ids`, those that may hold an undecided finding whose like key (in `mode`) is
   * `key` (a superset: findLike decides; in either mode — the index holds both). Reports whose files changed since they were indexed
   * are read again; a report that cannot be read is returned (findLike's caller skips it).
   */
  async candidates(key: string, ids: readonly string[]): Promise<string[]> {
    // The stamps are of the files. A document write is awaited until durable by whoever makes it,
    // and one still under way when a report is stamped and read gives another stamp when it lands
    // (the entry is made again then); only a write the disk refused leaves the memory ahead of the
    // files for good — then every report is a candidate, as without the index.
    if (this.store.saveState().error) return [...ids];
    const h = keyHash(key);
    const out: string[] = [];
    this.lastRead = 0;
    for (let i = 0; i < ids.length; i += STAT_BATCH) {
      const batch = ids.slice(i, i + STAT_BATCH);
      const stamps = await Promise.all(batch.map((id) => this.stamp(id)));
      for (let k = 0; k < batch.length; k++) {
        const id = batch[k];
        let entry = this.entries.get(id);
        if (entry?.stamp !== stamps[k]) {
          const doc = await this.store.readDocument(id).catch(() => null);
          this.lastRead++;
          if (!doc) {
            this.entries.delete(id);
            out.push(id);
            continue;
          }
          // stamped before the read: a write in between gives another stamp next time
          entry = { stamp: stamps[k], keys: documentKeys(doc) };
          this.entries.set(id, entry);
        }
        if (has(entry.keys, h)) out.push(id);
      }
    }
    // reports no longer in the workspace
    if (this.entries.size > ids.length * 2 + 64) {
      const keep = new Set(ids);
      for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
    }
    return out;
  }
}

const indexes = new WeakMap<WorkspaceStore, LikeIndex>();

export function likeIndexOf(store: WorkspaceStore): LikeIndex {
  let idx = indexes.get(store);
  if (!idx) indexes.set(store, (idx = new LikeIndex(store)));
  return idx;
}

