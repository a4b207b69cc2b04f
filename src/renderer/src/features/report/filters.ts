/** Which findings are highlighted and navigable (by type/kind, status, tag). */
import { createStore } from '../../lib/store';
import { DEFAULT_FILTER, type FindingFilter } from './navigation';

export const filterStore = createStore<FindingFilter>(DEFAULT_FILTER);

export function setFilter(part: Partial<FindingFilter>): void {
  filterStore.patch(part);
}
