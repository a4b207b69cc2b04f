/**
 * Process-wide guard: one lowdb instance per store file. Two JSONFile/steno writers on one
 * path corrupt it (see DEPENDENCY-FACTS.md), so claiming a claimed path is a bug and throws.
 */
const claimed = new Set<string>();

export function claimPath(path: string): void {
  if (claimed.has(path)) throw new Error(`store file ${path} already has an owner in this process`);
  claimed.add(path);
}

export function releasePath(path: string): void {
  claimed.delete(path);
}
