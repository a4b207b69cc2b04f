/** Errors and notices waiting to be shown (one presenter component reads this). */
import { createStore } from '../../lib/store';
import type { Lang } from '../i18n/i18n';

export interface ShownError {
  id: number;
  error: unknown;
  /** what the user was doing, e.g. "reviewApply" (for the log) */
  context: string;
}

export interface Notice {
  id: number;
  text: string;
  /** a brief confirmation (what an undo undid): shown in the status bar, not as a toast over the panes */
  brief?: boolean;
  /** warn-s7: lines behind a "Show the list" expander (one notice for many items, not one each) */
  details?: string[];
  /** warn-s7: the text and lines in a language, so a notice follows a language switch while shown */
  words?: (lang: Lang) => { text: string; details?: string[] };
}

export const errorStore = createStore<{ errors: ShownError[]; notices: Notice[] }>({ errors: [], notices: [] });
let seq = 0;

/** Errors stay longer than notices, then close by themselves (each has its close button). */
export const ERROR_TTL_MS = 20_000;

function sameError(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const o = (e: unknown): { code?: unknown; message?: unknown } => (typeof e === 'object' && e !== null ? (e as { code?: unknown; message?: unknown }) : {});
  return o(a).code !== undefined && o(a).code === o(b).code && o(a).message === o(b).message;
}

/** Shows an error once: the same error (code and message) already on screen is not stacked again. */
export function reportError(error: unknown, context: string, ttlMs = ERROR_TTL_MS): void {
  if (!(typeof error === 'object' && error !== null && 'code' in error)) {
    // unexpected: keep the context in the console log
    console.error(`[${context}]`, error);
  }
  if (errorStore.get().errors.some((e) => sameError(e.error, error))) return;
  const id = ++seq;
  errorStore.set((s) => ({ ...s, errors: [...s.errors.slice(-2), { id, error, context }] }));
  if (ttlMs > 0) setTimeout(() => dismissError(id), ttlMs);
}

export function dismissError(id: number): void {
  errorStore.set((s) => ({ ...s, errors: s.errors.filter((e) => e.id !== id) }));
}

/** warn-s7: a notice worded when shown, in the language of the moment (it follows a switch). */
export function showWordedNotice(words: NonNullable<Notice['words']>, lang: Lang, ttlMs = 0): void {
  const now = words(lang);
  showNotice(now.text, ttlMs, false, now.details, words);
}

export function showNotice(text: string, ttlMs = 4000, brief = false, details?: string[], words?: Notice['words']): void {
  const id = ++seq;
  // at most three of each place (toasts, status bar), newest last
  errorStore.set((s) => {
    const same = s.notices.filter((n) => !!n.brief === brief);
    const drop = same.length >= 3 ? same[0].id : null;
    return { ...s, notices: [...s.notices.filter((n) => n.id !== drop), { id, text, ...(brief ? { brief } : {}), ...(details?.length ? { details } : {}), ...(words ? { words } : {}) }] };
  });
  if (ttlMs <= 0) return;
  if (!brief) {
    setTimeout(() => dismissNotice(id), ttlMs);
    return;
  }
  // the status bar's brief notices go as a group: a burst (three undos in a row) stays readable until
  // `ttlMs` after the last one, then all close together
  if (briefTimer !== null) clearTimeout(briefTimer);
  briefTimer = setTimeout(() => {
    briefTimer = null;
    errorStore.set((s) => ({ ...s, notices: s.notices.filter((n) => !n.brief) }));
  }, ttlMs);
}
let briefTimer: ReturnType<typeof setTimeout> | null = null;

export function dismissNotice(id: number): void {
  errorStore.set((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) }));
}
