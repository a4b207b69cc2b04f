import { documentIdIn } from '../store/document-ids';

/**
 * Stable document id for a source path: the hash of its path relative to the workspace folder
 * (so it survives moving the folder), or of its absolute path when it lies outside.
 */
export function documentIdFor(absPath: string, workspaceDir: string): string {
  return documentIdIn(workspaceDir, absPath);
}
