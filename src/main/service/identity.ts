/**
 * The analyst's identity: a display name and a stable id (a uuid), kept in the app's user
 * settings (`<userData>/identity.json`, with a second copy `identity.backup.json`), never in a
 * workspace. The id names the analyst's work files in every workspace (work/<id>/…), so it
 * must not change: it is written atomically, twice, and read from the copy when the first is
 * damaged. The name is recorded on every review (the guide's `annotator`).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const Identity = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/),
  name: z.string().min(1).max(100),
  /** the analyst confirmed the name (the first-run prompt was answered) */
  confirmed: z.boolean(),
});
export type Identity = z.infer<typeof Identity>;

const FILES = ['identity.json', 'identity.backup.json'];

export function osUserName(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, { flush: true });
  await rename(temp, path);
}

export async function saveIdentity(userDataDir: string, identity: Identity): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  const text = JSON.stringify(Identity.parse(identity));
  for (const f of FILES) await writeDurably(join(userDataDir, f), text);
}

/** The identity of this user (created on first use: a new uuid and the OS user name, not yet confirmed). */
export async function loadIdentity(userDataDir: string): Promise<Identity> {
  for (const f of FILES) {
    try {
      const parsed = Identity.safeParse(JSON.parse(await readFile(join(userDataDir, f), 'utf8')));
      if (parsed.success) {
        if (f !== FILES[0]) await saveIdentity(userDataDir, parsed.data).catch(() => undefined); // repair the first copy
        return parsed.data;
      }
    } catch {
      // missing or damaged: try the copy
    }
  }
  const fresh: Identity = { id: randomUUID(), name: osUserName(), confirmed: false };
  await saveIdentity(userDataDir, fresh);
  return fresh;
}
