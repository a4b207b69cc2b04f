/**
 * What the status bar says about saving. It never lies: "Saving…" while a write call is in
 * flight or the backend says so, the error when a write failed (until a later write succeeds),
 * "Saved" only after the backend answered that the change is durable.
 */
import type { SaveState } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { errorCode } from '../errors/presenter';

export interface SaveView {
  state: 'saved' | 'saving' | 'error' | 'idle';
  lastSavedAt: string | null;
  error: { code: string; message: string } | null;
  /** write calls in flight */
  pending: number;
}

export const saveStore = createStore<SaveView>({ state: 'idle', lastSavedAt: null, error: null, pending: 0 });

/** A saveState event (or saveStateGet answer) from the backend. */
export function onSaveStateEvent(s: SaveState): void {
  saveStore.set((v) => ({ ...v, state: s.state, lastSavedAt: s.lastSavedAt ?? v.lastSavedAt, error: s.error }));
  if (s.state === 'saving') schedulePoll();
}

// The backend may say "saving" and not announce the end of the write: ask again until it is
// done, so "Saving…" never stays on screen after the data is on disk.
let poll: ReturnType<typeof setTimeout> | null = null;
let polls = 0;
function schedulePoll(): void {
  if (poll) return;
  poll = setTimeout(() => {
    poll = null;
    void (async () => {
      try {
        const s = await getClient().saveStateGet({});
        polls = s.state === 'saving' ? polls + 1 : 0;
        if (polls < 50) onSaveStateEvent(s);
      } catch {
        // the next write reports its own outcome
      }
    })();
  }, 250);
}

const STORE_FAILURES = new Set(['store-write-failed', 'store-disk-full', 'store-read-only', 'store-locked', 'store-corrupt', 'store-newer-version']);

/** Wraps a call that writes: counts it as pending, and records its outcome. */
export async function trackWrite<T>(call: () => Promise<T>): Promise<T> {
  saveStore.set((v) => ({ ...v, pending: v.pending + 1 }));
  try {
    const value = await call();
    saveStore.set((v) => ({ ...v, pending: v.pending - 1, state: 'saved', error: null, lastSavedAt: new Date().toISOString() }));
    return value;
  } catch (e) {
    const code = errorCode(e);
    saveStore.set((v) => ({
      ...v,
      pending: v.pending - 1,
      ...(STORE_FAILURES.has(code) ? { state: 'error' as const, error: { code, message: e instanceof Error ? e.message : String(e) } } : {}),
    }));
    throw e;
  }
}

export function displayedState(v: SaveView): SaveView['state'] {
  if (v.pending > 0) return 'saving';
  return v.state;
}
