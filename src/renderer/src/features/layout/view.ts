/** The top-level view: Review (the three panes) or the Figures table (indicators × reports). */
import { createStore } from '../../lib/store';

// team: the Team page (sync, assignment, agreement, adjudication)
// rules: the Rules page
export type View = 'review' | 'figures' | 'team' | 'rules';

export const viewStore = createStore<{ view: View }>({ view: 'review' });

export function setView(view: View): void {
  viewStore.patch({ view });
}

export function toggleView(): void {
  setView(viewStore.get().view === 'review' ? 'figures' : 'review'); // rules: the Rules page is reached by its button
}
