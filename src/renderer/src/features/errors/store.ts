/** Errors and notices waiting to be shown (one presenter component reads this). */
import { createStore } from '../../lib/store';

export interface ShownError {
  id: number;
  error: unknown;
  /** what the user was doing, e.g. "reviewApply" (for the log) */
  context: string;
}

export interface Notice {
  id: number;
  text: string;
}

export const errorStore = createStore<{ errors: ShownError[]; notices: Notice[] }>({ errors: [], notices: [] });
let seq = 0;

export function reportError(error: unknown, context: string): void {
  if (!(typeof error === 'object' && error !== null && 'code' in error)) {
    // unexpected: keep the context in the console log
    console.error(`[${context}]`, error);
  }
  const id = ++seq;
  errorStore.set((s) => ({ ...s, errors: [...s.errors.slice(-3), { id, error, context }] }));
}

export function dismissError(id: number): void {
  errorStore.set((s) => ({ ...s, errors: s.errors.filter((e) => e.id !== id) }));
}

export function showNotice(text: string, ttlMs = 4000): void {
  const id = ++seq;
  errorStore.set((s) => ({ ...s, notices: [...s.notices.slice(-3), { id, text }] }));
  if (ttlMs > 0) setTimeout(() => dismissNotice(id), ttlMs);
}

export function dismissNotice(id: number): void {
  errorStore.set((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
}
