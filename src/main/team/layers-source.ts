/**
 * The `TeamLayersSource` of the `agreement` command over a store v2 workspace folder: the store
 * is opened read-only (no lock: the app may have the workspace open) under a reader id that is
 * nobody's, so every analyst's layer is read from their work files (see ./workspace.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../core/errors';
import type { TeamLayersSource } from '../cli/agreement';
import { WorkspaceStore } from '../store';
import { STORE_DIR } from '../store/layout';
import { TeamWorkspace } from './workspace';

/** the read-only store's analyst: an id no app gives (apps use uuids), so every real analyst's layer comes from their files */
const READER = { id: '_team-reader', name: 'team reader' };

export async function openTeamLayersSource(workspace: string): Promise<TeamLayersSource> {
  const dir = resolve(workspace);
  if (!existsSync(join(dir, STORE_DIR, 'workspace.json'))) throw new AppError('workspace-not-found', `No workspace in ${dir} (no ${STORE_DIR}/workspace.json).`, { dir });
  const store = await WorkspaceStore.open(dir, { app: 'cli', readOnly: true, analyst: READER });
  const team = new TeamWorkspace(dir, store, () => null);
  return {
    async analysts() {
      // by id, as the app orders them: pair (a, b) reads the same on every machine (team-s6)
      return (await team.analysts({ activity: false }))
        .filter((a) => a.id !== READER.id)
        .map((a) => ({ id: a.id, name: a.name }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    },
    documents: () => team.agreementDocuments(),
    close: () => store.close(),
  };
}
