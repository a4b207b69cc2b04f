/** The top-level view: Review (the three panes) or the Figures table (indicators × reports). */
import { createStore } from '../../lib/store';

export type View = 'review' | 'figures' | 'rules'; // rules: the Rules page

export const viewStore = createStore<{ view: View }>({ view: 'review' });

export function setView(view: View): void {
  viewStore.patch({ view });
}

export function toggleView(): void {
  setView(viewStore.get().view === 'review' ? 'figures' : 'review'); // rules: the Rules page is reached by its button
}
