/**
 * Document ids. Since v2 an id is the hash of the source's path relative to the workspace
 * folder, so it survives moving or copying the folder (v1 hashed the absolute path); a source
 * outside the folder keeps the hash of its absolute path.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The path of a source as the index records it: relative (with /) inside the folder, else absolute. */
export function indexedPath(workspaceDir: string, absPath: string): string {
  const rel = relative(workspaceDir, absPath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : absPath;
}

/** The id of a document by its indexed path (see indexedPath). */
export function idForIndexedPath(path: string): string {
  return isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) ? hash(path) : hash(`rel:${path}`);
}

/** The id of the document of a source file in a workspace. */
export function documentIdIn(workspaceDir: string, absPath: string): string {
  return idForIndexedPath(indexedPath(workspaceDir, absPath));
}
