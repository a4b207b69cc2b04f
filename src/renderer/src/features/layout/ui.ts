/** Which overlay is open (one at a time), and focus targets other features can ask for. */
import { createStore } from '../../lib/store';

export type Overlay = 'help' | 'tagPicker' | 'taxonomy' | 'folder' | 'files' | 'export' | null;

export const uiStore = createStore<{ overlay: Overlay; tagPickerTarget: 'finding' | 'selection' }>({ overlay: null, tagPickerTarget: 'finding' });

export function openOverlay(overlay: Overlay, tagPickerTarget: 'finding' | 'selection' = 'finding'): void {
  uiStore.set({ overlay, tagPickerTarget });
}
export function closeOverlay(): void {
  uiStore.patch({ overlay: null });
}

const targets = new Map<string, () => void>();
/** Registers a focus function under a name ('search', 'value'); returns the unregister. */
export function registerFocus(name: string, focus: () => void): () => void {
  targets.set(name, focus);
  return () => {
    if (targets.get(name) === focus) targets.delete(name);
  };
}
export function requestFocus(name: string): boolean {
  const f = targets.get(name);
  if (!f) return false;
  f();
  return true;
}
