import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Creates the first-run sample workspace from the shipped sample reports (once). */
export async function ensureSampleWorkspace(samplesDir: string, target: string): Promise<string> {
  await mkdir(target, { recursive: true });
  const existing = new Set(await readdir(target));
  for (const name of await readdir(samplesDir)) {
    if (existing.has(name)) continue;
    const src = join(samplesDir, name);
    if ((await stat(src)).isFile()) await copyFile(src, join(target, name));
  }
  return target;
}
