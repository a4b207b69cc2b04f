/** Pane widths and collapsed panes, remembered in localStorage. */
import { createPersistedStore } from '../../lib/store';

export interface LayoutState {
  docsWidth: number;
  inspectorWidth: number;
  docsCollapsed: boolean;
  inspectorCollapsed: boolean;
  serif: boolean;
}

const KEY = 'report-annotator.layout';
export const LIMITS = { min: 180, max: 640 };
const DEFAULT: LayoutState = { docsWidth: 280, inspectorWidth: 380, docsCollapsed: false, inspectorCollapsed: false, serif: false };

function clampWidth(w: unknown, fallback: number): number {
  return typeof w === 'number' && Number.isFinite(w) ? Math.min(LIMITS.max, Math.max(LIMITS.min, Math.round(w))) : fallback;
}

export function loadLayout(raw: string | null): LayoutState {
  if (!raw) return DEFAULT;
  try {
    const v = JSON.parse(raw) as Partial<LayoutState>;
    return {
      docsWidth: clampWidth(v.docsWidth, DEFAULT.docsWidth),
      inspectorWidth: clampWidth(v.inspectorWidth, DEFAULT.inspectorWidth),
      docsCollapsed: v.docsCollapsed === true,
      inspectorCollapsed: v.inspectorCollapsed === true,
      serif: v.serif === true,
    };
  } catch {
    return DEFAULT;
  }
}

export const layoutStore = createPersistedStore<LayoutState>(KEY, loadLayout);

export function setWidth(pane: 'docs' | 'inspector', width: number): void {
  layoutStore.patch(pane === 'docs' ? { docsWidth: clampWidth(width, DEFAULT.docsWidth) } : { inspectorWidth: clampWidth(width, DEFAULT.inspectorWidth) });
}

export function toggleCollapsed(pane: 'docs' | 'inspector'): void {
  const s = layoutStore.get();
  layoutStore.patch(pane === 'docs' ? { docsCollapsed: !s.docsCollapsed } : { inspectorCollapsed: !s.inspectorCollapsed });
}
