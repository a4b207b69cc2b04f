/**
 * Review preferences, remembered in localStorage: whether a decision (accept, reject, skip)
 * moves on to the next unreviewed finding (Prodigy's one key per decision; off keeps the
 * selection where it is), and whether the findings list is shown beside the text.
 */
import { createPersistedStore } from '../../lib/store';

export type ListSort = 'position' | 'kind' | 'status' | 'text';

export interface ReviewPrefs {
  advance: boolean;
  listOpen: boolean;
  listSort: ListSort;
  listDesc: boolean;
}

const KEY = 'report-annotator.review';
const DEFAULT: ReviewPrefs = { advance: true, listOpen: false, listSort: 'position', listDesc: false };

export function loadPrefs(raw: string | null): ReviewPrefs {
  if (!raw) return DEFAULT;
  try {
    const v = JSON.parse(raw) as Partial<ReviewPrefs>;
    return {
      advance: v.advance !== false,
      listOpen: v.listOpen === true,
      listSort: v.listSort === 'kind' || v.listSort === 'status' || v.listSort === 'text' ? v.listSort : 'position',
      listDesc: v.listDesc === true,
    };
  } catch {
    return DEFAULT;
  }
}

export const prefsStore = createPersistedStore<ReviewPrefs>(KEY, loadPrefs);
