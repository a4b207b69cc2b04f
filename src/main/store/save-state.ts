/** What the status bar shows: pending files, last durable save, and the error still unresolved. */
import type { AppError } from '../../core/errors';
import type { SaveState } from './types';

export class SaveStateTracker {
  private lastSavedAt: string | null = null;
  private readonly errors = new Map<string, AppError>();
  private readonly listeners = new Set<(s: SaveState) => void>();

  recordSaved(file: string, at: Date): void {
    this.lastSavedAt = at.toISOString();
    this.errors.delete(file);
  }

  recordFailed(file: string, error: AppError): void {
    this.errors.delete(file); // keep insertion order = most recent last
    this.errors.set(file, error);
  }

  /** a file that no longer exists (deleted) has no error to report */
  forget(file: string): void {
    this.errors.delete(file);
  }

  snapshot(pending: number): SaveState {
    const last = [...this.errors.values()].at(-1);
    return { pending, lastSavedAt: this.lastSavedAt, error: last ? { code: last.code, message: last.message } : null };
  }

  subscribe(listener: (s: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(state: SaveState): void {
    for (const l of this.listeners) l(state);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }
}
