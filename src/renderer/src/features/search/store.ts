/** Search across the workspace (the `search` method): query, results, open state. */
import type { SearchHit } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError } from '../errors/store';

export interface SearchState {
  query: string;
  hits: SearchHit[] | null;
  searching: boolean;
  open: boolean;
}

export const searchStore = createStore<SearchState>({ query: '', hits: null, searching: false, open: false });

let seq = 0;

export async function runSearch(query: string): Promise<void> {
  const q = query.trim();
  const my = ++seq;
  if (!q) {
    searchStore.patch({ hits: null, searching: false });
    return;
  }
  searchStore.patch({ searching: true, open: true });
  try {
    const hits = await getClient().search({ query: q, limit: 200 });
    if (my === seq) searchStore.patch({ hits, searching: false });
  } catch (e) {
    if (my === seq) searchStore.patch({ searching: false });
    reportError(e, 'search');
  }
}
