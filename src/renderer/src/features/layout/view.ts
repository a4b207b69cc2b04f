/** The top-level view: Review (the three panes) or the Figures table (indicators × reports). */
import { createStore } from '../../lib/store';

// team: the Team page (sync, assignment, agreement, adjudication)
export type View = 'review' | 'figures' | 'team';

export const viewStore = createStore<{ view: View }>({ view: 'review' });

export function setView(view: View): void {
  viewStore.patch({ view });
}

export function toggleView(): void {
  setView(viewStore.get().view === 'review' ? 'figures' : 'review');
}
