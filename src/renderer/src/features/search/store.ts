/** Search across the workspace (the `search` method): query, results, open state. */
import type { SearchHit } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError } from '../errors/store';
import { reportStore } from '../report/store';

/** Hits shown at most; one more is asked for, to know whether there are more. */
export const SEARCH_LIMIT = 200;

export interface SearchState {
  query: string;
  hits: SearchHit[] | null;
  /** there were more hits than SEARCH_LIMIT (only the first are shown) */
  more: boolean;
  /** the query the hits are for (Enter on an unchanged query opens the highlighted hit) */
  searched: string;
  searching: boolean;
  open: boolean;
}

export const searchStore = createStore<SearchState>({ query: '', hits: null, more: false, searched: '', searching: false, open: false });

let seq = 0;

export async function runSearch(query: string): Promise<void> {
  const q = query.trim();
  const my = ++seq;
  if (!q) {
    searchStore.patch({ hits: null, more: false, searched: '', searching: false });
    return;
  }
  searchStore.patch({ searching: true, open: true });
  try {
    const first = reportStore.get().docId;
    const found = await getClient().search(first ? { query: q, limit: SEARCH_LIMIT + 1, first } : { query: q, limit: SEARCH_LIMIT + 1 });
    if (my === seq) searchStore.patch({ hits: found.slice(0, SEARCH_LIMIT), more: found.length > SEARCH_LIMIT, searched: q, searching: false });
  } catch (e) {
    if (my === seq) searchStore.patch({ searching: false });
    reportError(e, 'search');
  }
}
