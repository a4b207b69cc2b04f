import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './formats';

const STORE_DIR = '.report-annotator';

/**
 * Expands folders (recursively) into supported files; skips hidden entries and the store.
 * Only regular files are taken from folders. Folders are visited once by their real path, so symbolic links that loop are harmless.
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    const abs = resolve(p);
    let st;
    try {
      st = await stat(abs);
    } catch {
      if (explicit && !seenFiles.has(abs)) {
        seenFiles.add(abs);
        out.push(abs); // reported as an import error with its code
      }
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = await realpath(abs);
      } catch {
        return;
      }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = (await readdir(abs)).sort((a, b) => a.localeCompare(b));
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.startsWith('.') || e === STORE_DIR) continue;
        await visit(join(abs, e), false);
      }
    } else if (explicit || (st.isFile() && SUPPORTED_EXTENSIONS.includes(extname(abs).slice(1).toLowerCase()))) {
      // in a folder only regular files count (a named pipe called report.txt is not a report);
      // a special file named explicitly is kept, to be refused by the importer with its code
      if (seenFiles.has(abs)) return;
      seenFiles.add(abs);
      out.push(abs);
    }
  };
  for (const p of paths) await visit(p, true);
  return out;
}
