// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../../../../core/api';

const ws = (notices: WorkspaceView['notices']): WorkspaceView => ({ dir: '/ws', name: 'ws', isSample: false, documents: [], taxonomy: [], notices });
const failure = { code: 'file-empty', message: '/ws/dropped/notes: 0 bytes' };

/** A fresh page: the modules loaded again, localStorage kept (as a reload does). */
async function load(): Promise<{ store: typeof import('./store'); errors: typeof import('../errors/store') }> {
  vi.resetModules();
  return { store: await import('./store'), errors: await import('../errors/store') };
}

describe('workspace failures are shown once (issue 15 #4)', () => {
  it('a failure is shown on the first load, not again after a reload; an explicit Open folder still lists it', async () => {
    localStorage.clear();
    let { store, errors } = await load();
    store.setWorkspace(ws([failure]));
    expect(errors.errorStore.get().errors).toHaveLength(1);
    store.setWorkspace(ws([failure])); // the same view again (an event)
    expect(errors.errorStore.get().errors).toHaveLength(1);
    ({ store, errors } = await load());
    store.setWorkspace(ws([failure]));
    expect(errors.errorStore.get().errors).toHaveLength(0);
    expect(store.setWorkspace(ws([failure]), true)).toEqual([{ path: '/ws/dropped/notes', error: { code: 'file-empty', message: '0 bytes' } }]);
  });

  it('an error toast closes by itself and the same error is not stacked twice', async () => {
    vi.useFakeTimers();
    const { errors } = await load();
    errors.reportError({ code: 'file-empty', message: 'x' }, 'test');
    errors.reportError({ code: 'file-empty', message: 'x' }, 'test');
    expect(errors.errorStore.get().errors).toHaveLength(1);
    vi.advanceTimersByTime(errors.ERROR_TTL_MS + 1);
    expect(errors.errorStore.get().errors).toHaveLength(0);
    vi.useRealTimers();
  });
});

describe('s7: an import under way when the window opens', () => {
  it('shows its progress from the workspace view, and a later view without it does not clear the progress events set', async () => {
    const { store } = await load();
    const importing = { taskId: 'refresh-1', label: 'import', done: 1, total: 5, current: 'big.pdf', finished: false, phase: 'reading' as const };
    store.setWorkspace({ ...ws([]), importing });
    expect(store.workspaceStore.get().progress).toEqual(importing);
    store.setWorkspace({ ...ws([]), importing: null });
    expect(store.workspaceStore.get().progress).toEqual(importing); // the finished event clears it, not a view
    const fresh = await load();
    fresh.store.setWorkspace({ ...ws([]), importing: null });
    expect(fresh.store.workspaceStore.get().progress).toBeNull();
  });
});

