/** Where the store keeps things inside a workspace folder. */
import { join, relative, sep } from 'node:path';
import { AppError } from '../../core/errors';

export const STORE_DIR = '.report-annotator';

export interface Layout {
  dir: string;
  root: string;
  workspaceFile: string;
  docsDir: string;
  backupsDir: string;
  lockFile: string;
  docFile(id: string): string;
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
    backupsDir,
    lockFile: join(root, 'lock'),
    docFile: (id) => join(root, 'docs', `${id}.json`),
    // backups/<path of the file under .report-annotator>/<n>.json
    backupsOf: (absoluteFile) => join(backupsDir, relative(root, absoluteFile)),
    label,
  };
}
