import { createHash } from 'node:crypto';

/** Stable document id for a source path. */
export function documentIdFor(absPath: string): string {
  return createHash('sha256').update(absPath).digest('hex').slice(0, 16);
}
