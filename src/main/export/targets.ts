/**
 * Where an export may write: never inside a workspace's own store (.report-annotator — an
 * export over workspace.json or a document file would replace the analyst's work), and never
 * over an existing file unless the request says so.
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileStem } from '../../core/export/context';
import { AppError } from '../../core/errors';
import type { ExportFormat } from '../../core/export/formats';
import type { DocumentMeta } from '../../core/store-schema';

export const STORE_DIR_NAME = '.report-annotator';

/** Every file an export of `format` to `out` writes. */
export function exportTargets(format: ExportFormat, out: string, docs: readonly Pick<DocumentMeta, 'id' | 'name'>[]): string[] {
  switch (format) {
    case 'jsonl':
    case 'doccano':
    case 'conll':
    case 'xlsx':
      return [out];
    case 'label-studio':
      return [out, out.replace(/\.json$/i, '') + '.label-config.xml'];
    case 'csv':
      return ['facts.csv', 'duplicates.csv', 'documents.csv'].map((f) => join(out, f));
    case 'brat':
      return [...docs.flatMap((d) => [`${fileStem(d)}.txt`, `${fileStem(d)}.ann`]), 'annotation.conf'].map((f) => join(out, f));
    case 'text':
      return docs.map((d) => join(out, `${fileStem(d)}.txt`));
  }
}

/** The path with symbolic links resolved as far as it exists (the rest appended as it is). */
async function realPathAsFarAsItExists(p: string): Promise<string> {
  const abs = resolve(p);
  const rest: string[] = [];
  let at = abs;
  for (;;) {
    try {
      const real = await realpath(at);
      return rest.length ? join(real, ...rest.reverse()) : real;
    } catch {
      const up = dirname(at);
      if (up === at) return abs;
      rest.push(basename(at));
      at = up;
    }
  }
}

const foldCase = process.platform === 'win32' || process.platform === 'darwin';
const norm = (p: string): string => (foldCase ? p.toLowerCase() : p);

/** True if `p` is `dir` or inside it, symbolic links resolved. */
async function isInside(p: string, dir: string): Promise<boolean> {
  const [rp, rd] = await Promise.all([realPathAsFarAsItExists(p), realPathAsFarAsItExists(dir)]);
  const a = norm(rp);
  const b = norm(rd);
  return a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
}

/**
 * Refuses an export that would write inside the store of `workspaceDir` (export-into-store) or
 * replace an existing file when `overwrite` is not set (file-exists, with the first such path).
 */
export async function checkExportTargets(format: ExportFormat, out: string, docs: readonly Pick<DocumentMeta, 'id' | 'name'>[], opts: { workspaceDir?: string; overwrite: boolean }): Promise<void> {
  const targets = exportTargets(format, out, docs);
  if (opts.workspaceDir !== undefined) {
    const store = join(opts.workspaceDir, STORE_DIR_NAME);
    for (const t of [out, ...targets]) {
      if (await isInside(t, store)) throw new AppError('export-into-store', `An export cannot be written inside the workspace's data folder (${STORE_DIR_NAME}): ${out}`, { path: out });
    }
  }
  if (opts.overwrite) return;
  const existing: string[] = [];
  for (const t of targets) {
    try {
      await lstat(t);
      existing.push(t);
    } catch {
      // free
    }
  }
  if (existing.length > 0) {
    throw new AppError('file-exists', `${existing.length === 1 ? 'A file' : `${existing.length} files`} the export would write already exist${existing.length === 1 ? 's' : ''}: ${existing[0]}`, { path: existing[0], count: existing.length });
  }
}
