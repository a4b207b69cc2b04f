/**
 * The analyst's text selection in the report, as a code point span (for manual findings).
 * DOM positions are converted through the segment's data-s and the one offset helper.
 */
import { createStore } from '../../lib/store';
import type { TextIndex } from './offsets';

export interface TextSelection {
  start: number;
  end: number;
  text: string;
  /** where to show the selection bar (viewport coordinates) */
  x: number;
  y: number;
}

export const selectionStore = createStore<{ sel: TextSelection | null }>({ sel: null });

export function clearTextSelection(): void {
  selectionStore.set({ sel: null });
}

function segmentOf(node: Node | null): HTMLElement | null {
  let n: Node | null = node;
  while (n && !(n instanceof HTMLElement && n.dataset.s !== undefined)) {
    if (n instanceof HTMLElement && n.dataset.pi !== undefined) return null;
    n = n.parentNode;
  }
  return n as HTMLElement | null;
}

/** Code point offset of a DOM boundary point inside the report, or null outside a paragraph. */
export function pointToCp(node: Node, offset: number, index: TextIndex): number | null {
  const seg = segmentOf(node);
  if (seg) {
    const start = Number(seg.dataset.s);
    if (node.nodeType === Node.TEXT_NODE) return index.domOffsetToCp(start, offset);
    // an element boundary inside the segment: before or after its text
    const end = Number(seg.dataset.e);
    return offset === 0 ? start : end;
  }
  // a boundary on the ring around a selected finding's pieces: the piece after it, or the end of the last
  if (node instanceof HTMLElement && node.dataset.ring !== undefined) {
    const child = node.childNodes[offset] as HTMLElement | undefined;
    if (child?.dataset?.s !== undefined) return Number(child.dataset.s);
    const last = node.lastElementChild as HTMLElement | null;
    return last?.dataset.e !== undefined ? Number(last.dataset.e) : null;
  }
  // a boundary on the paragraph element itself: child index → that child's start (or the end)
  if (node instanceof HTMLElement && node.dataset.pi !== undefined) {
    const child = node.childNodes[offset] as HTMLElement | undefined;
    if (child && child.dataset?.s !== undefined) return Number(child.dataset.s);
    const first = child?.dataset?.ring !== undefined ? (child.firstElementChild as HTMLElement | null) : null;
    if (first?.dataset.s !== undefined) return Number(first.dataset.s);
    return node.dataset.pe !== undefined ? Number(node.dataset.pe) : null;
  }
  return null;
}

/** Reads the window selection as a code point span in the report (or null). */
export function readSelection(root: HTMLElement, index: TextIndex): TextSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const a = pointToCp(range.startContainer, range.startOffset, index);
  const b = pointToCp(range.endContainer, range.endOffset, index);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  let end = Math.max(a, b);
  const text = index.slice(start, end);
  // trim trailing whitespace / line ends picked up by a triple click
  const trimmed = text.replace(/\s+$/u, '');
  end = start + [...trimmed].length;
  if (end <= start) return null;
  const rect = range.getBoundingClientRect();
  return { start, end, text: trimmed, x: rect.left + rect.width / 2, y: rect.top };
}
