/**
 * Syncthing's conflict copies of work files, merged back (core/team/conflicts.ts does the
 * merge). Only the analyst who owns a work folder resolves its copies: no file gets two
 * writers. The file format is the store's (store v2's work file): the caller passes a codec,
 * and the store's atomic write.
 *
 * For each `NAME.sync-conflict-….EXT` beside `NAME.EXT` in the folder: the original and every
 * copy are read and merged; the result is written to the original; then the copies are
 * deleted. A copy that cannot be read is left where it is and reported (never deleted unread);
 * so is every copy of an original that cannot be read (the store recovers it from its backup first).
 */
import { readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalystWork } from '../../core/document/build';
import { type MergeReport, conflictGroups, mergeWork } from '../../core/team/conflicts';

export interface WorkCodec<W> {
  /** throws when the text is not a work file */
  parse(text: string): W;
  serialize(file: W): string;
  work(file: W): AnalystWork;
  /** the file with its work replaced by `work` (other fields kept) */
  withWork(file: W, work: AnalystWork): W;
}

export interface ResolvedConflict {
  /** the work file (absolute) */
  file: string;
  /** copies merged and deleted */
  merged: string[];
  /** copies that could not be read: left in place */
  unreadable: string[];
  /** reviews that differed: the later one kept, the other in the undo history */
  superseded: number;
  report: MergeReport[];
}

async function defaultWrite(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.merge.tmp`;
  await writeFile(tmp, text, { flush: true });
  await rename(tmp, file);
}

/** Merges every conflict copy in `dir` (one analyst's work folder) into its original. */
export async function resolveConflictCopies<W>(dir: string, codec: WorkCodec<W>, write: (file: string, text: string) => Promise<void> = defaultWrite): Promise<ResolvedConflict[]> {
  const names = await readdir(dir);
  const out: ResolvedConflict[] = [];
  for (const [original, copies] of conflictGroups(names)) {
    const file = join(dir, original);
    let base: W | null = null;
    try {
      base = codec.parse(await readFile(file, 'utf8'));
    } catch (e) {
      // a missing original: the copies carry the work; a damaged one is the store's to recover
      // first (from its backup): nothing is touched until then
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        out.push({ file, merged: [], unreadable: [original], superseded: 0, report: [] });
        continue;
      }
    }
    const merged: string[] = [];
    const unreadable: string[] = [];
    const report: MergeReport[] = [];
    for (const c of [...copies].sort()) {
      let copy: W;
      try {
        copy = codec.parse(await readFile(join(dir, c), 'utf8'));
      } catch {
        unreadable.push(c);
        continue;
      }
      if (base === null) base = copy;
      else {
        const m = mergeWork(codec.work(base), codec.work(copy));
        base = codec.withWork(base, m.work);
        report.push(m.report);
      }
      merged.push(c);
    }
    if (base !== null && merged.length > 0) {
      await write(file, codec.serialize(base));
      for (const c of merged) await unlink(join(dir, c));
    }
    out.push({ file, merged, unreadable, superseded: report.reduce((n, r) => n + r.superseded.length, 0), report });
  }
  return out;
}
