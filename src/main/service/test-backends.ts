/**
 * Backends for service tests: browser-mode backends over real stores in temporary folders, the
 * API called through the dispatcher as the HTTP and IPC bindings call it.
 */
import { resolve } from 'node:path';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../core/api';
import { type Backend, type BackendOptions, createBackend } from './backend';
import { call } from './dispatch';

export const SAMPLES = resolve(__dirname, '../../../resources/samples');

/** `backend(userDataDir, workspaceDir)` makes one and keeps it in `open`; `closeAll` (for afterEach) closes them. */
export function testBackends(opts: { log?: BackendOptions['log']; version?: string; syncthing?: BackendOptions['syncthing'] } = {}): {
  backend: (userDataDir: string, workspaceDir?: string) => Backend;
  open: Backend[];
  closeAll: () => Promise<void>;
} {
  const open: Backend[] = [];
  const log = opts.log ?? { error: (m: string, c?: unknown) => console.error(m, c) };
  return {
    backend(userDataDir, workspaceDir) {
      const b = createBackend({ mode: 'browser', app: 'serve', samplesDir: SAMPLES, userDataDir, workspaceDir, log, version: opts.version ?? '0-test', workerPath: null, syncthing: opts.syncthing });
      open.push(b);
      return b;
    },
    open,
    async closeAll() {
      for (const b of open.splice(0)) await b.close();
    },
  };
}

/** The method's value, or an Error naming its code and message (the code also as `code`). */
export async function ok<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  const r = await call(b.handlers, method, req);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
  return r.value;
}

/** As `ok`, but `workspaceGet` answers after the folder's new files are imported (they are imported after the open answers). */
export async function settled<M extends ApiMethod>(b: Backend, method: M, req: ApiRequest<M>): Promise<ApiResponse<M>> {
  if (method !== 'workspaceGet') return ok(b, method, req);
  await ok(b, method, req);
  await b.refreshed();
  return ok(b, method, req);
}
