/** Where the store keeps things inside a workspace folder. */
import { join, relative, sep } from 'node:path';
import { AppError } from '../../core/errors';

export const STORE_DIR = '.report-annotator';

export interface Layout {
  dir: string;
  root: string;
  workspaceFile: string;
  /** v1's documents folder (read only to migrate it) */
  docsDir: string;
  /** derived data, one file per document (rebuildable) */
  cacheDir: string;
  /** the analysts' work: work/<analystId>/<documentId>.json */
  workDir: string;
  /** where v1's document files are kept after the migration */
  v1BackupDir: string;
  /** the id map of a v1 migration under way (removed when it is done) */
  migrationFile: string;
  backupsDir: string;
  lockFile: string;
  docFile(id: string): string;
  cacheFile(id: string): string;
  workFolder(analystId: string): string;
  workFile(analystId: string, id: string): string;
  backupsOf(absoluteFile: string): string;
  label(absolute: string): string;
}

const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Document ids become file names: keep them portable (no separators, no `..`, no reserved chars). */
export function assertDocumentId(id: string): void {
  if (!SAFE_ID.test(id) || id.includes('..')) throw new AppError('bad-request', `Invalid document id ${JSON.stringify(id)}`, { id });
}

export function docIdFromName(name: string): string | null {
  if (!name.endsWith('.json') || name.startsWith('.')) return null;
  const id = name.slice(0, -'.json'.length);
  return SAFE_ID.test(id) && !id.includes('..') ? id : null;
}

export function layoutOf(dir: string): Layout {
  const root = join(dir, STORE_DIR);
  const backupsDir = join(root, 'backups');
  const label = (absolute: string) => relative(dir, absolute).split(sep).join('/');
  return {
    dir,
    root,
    workspaceFile: join(root, 'workspace.json'),
    docsDir: join(root, 'docs'),
    cacheDir: join(root, 'cache'),
    workDir: join(root, 'work'),
    v1BackupDir: join(backupsDir, 'v1'),
    migrationFile: join(root, 'migration-v1.json'),
    backupsDir,
    lockFile: join(root, 'lock'),
    docFile: (id) => join(root, 'docs', `${id}.json`),
    cacheFile: (id) => join(root, 'cache', `${id}.json`),
    workFolder: (analystId) => join(root, 'work', analystId),
    workFile: (analystId, id) => join(root, 'work', analystId, `${id}.json`),
    // backups/<path of the file under .report-annotator>/<n>.json
    backupsOf: (absoluteFile) => join(backupsDir, relative(root, absoluteFile)),
    label,
  };
}
