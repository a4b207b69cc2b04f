/**
 * Caret mode: selecting a span of the report with the keyboard (no mouse). `c` puts a caret at
 * the selected finding (or the first paragraph on screen); ←/→ move it by a character,
 * Ctrl+←/→ by a word, Home/End to the paragraph's ends, ↑/↓ to the paragraph before/after;
 * with Shift they extend the selection from where it started. The span becomes the text
 * selection (the selection bar: f adds a figure, g tags it); Esc leaves caret mode.
 */
import { createStore } from '../../lib/store';
import { paragraphAt, primarySpan } from './model';
import type { TextIndex } from './offsets';
import { clearTextSelection, selectionStore } from './selection';
import { reportStore, ensureSpanVisible } from './store';

export interface Caret {
  anchor: number;
  focus: number;
}

export const caretStore = createStore<{ caret: Caret | null }>({ caret: null });

export function caretActive(): boolean {
  return caretStore.get().caret !== null;
}

/** Where caret mode starts: the selected finding's start, else the first paragraph on screen. */
export function startCaret(): boolean {
  const s = reportStore.get();
  if (!s.model) return false;
  let at: number | null = null;
  const f = s.selectedId ? s.model.byId.get(s.selectedId) : undefined;
  if (f) at = primarySpan(f).start;
  if (at === null && typeof document !== 'undefined') {
    const scroller = document.querySelector<HTMLElement>('[data-testid="report-scroller"]');
    const top = scroller?.getBoundingClientRect().top ?? 0;
    for (const p of document.querySelectorAll<HTMLElement>('[data-testid="report-view"] p[data-pi]')) {
      if (p.getBoundingClientRect().bottom > top) {
        at = s.model.paragraphs[Number(p.dataset.pi)]?.start ?? null;
        break;
      }
    }
  }
  if (at === null) at = s.model.paragraphs[0]?.start ?? 0;
  setCaret({ anchor: at, focus: at });
  return true;
}

export function stopCaret(): void {
  if (!caretActive()) return;
  caretStore.set({ caret: null });
  clearTextSelection();
}

const WORDS = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Code point boundaries of the words of a paragraph (ascending, with its start and end). */
function wordBoundaries(index: TextIndex, start: number, end: number): number[] {
  const text = index.slice(start, end);
  const out = [start];
  if (!WORDS) {
    for (let i = start + 1; i < end; i++) out.push(i);
  } else {
    for (const seg of WORDS.segment(text)) {
      if (seg.index === 0) continue;
      out.push(start + [...text.slice(0, seg.index)].length);
    }
  }
  out.push(end);
  return out;
}

export type CaretMove = 'char' | 'word' | 'line' | 'para';

/** The caret moved by one step; pure apart from reading the model. */
export function moveCaret(c: Caret, dir: 1 | -1, by: CaretMove, extend: boolean): Caret | null {
  const model = reportStore.get().model;
  if (!model || model.paragraphs.length === 0) return null;
  const paras = model.paragraphs;
  const pi = Math.max(0, paragraphAt(model.starts, c.focus));
  const para = paras[pi];
  let focus = c.focus;
  if (by === 'char') {
    focus = c.focus + dir;
    // across a paragraph break: to the end of the one before / the start of the next
    if (focus > para.end && pi + 1 < paras.length) focus = paras[pi + 1].start;
    if (focus < para.start && pi > 0) focus = paras[pi - 1].end;
  } else if (by === 'word') {
    const b = wordBoundaries(model.index, para.start, para.end);
    if (dir === 1) focus = b.find((x) => x > c.focus) ?? (pi + 1 < paras.length ? paras[pi + 1].start : para.end);
    else focus = [...b].reverse().find((x) => x < c.focus) ?? (pi > 0 ? paras[pi - 1].start : para.start);
  } else if (by === 'line') {
    focus = dir === 1 ? para.end : para.start;
  } else {
    const next = paras[Math.max(0, Math.min(paras.length - 1, pi + dir))];
    focus = next.start + Math.min(c.focus - para.start, next.end - next.start);
  }
  focus = Math.max(0, Math.min(model.index.length, focus));
  return { anchor: extend ? c.anchor : focus, focus };
}

export function setCaret(c: Caret): void {
  caretStore.set({ caret: c });
  const model = reportStore.get().model;
  if (!model) return;
  const start = Math.min(c.anchor, c.focus);
  const end = Math.max(c.anchor, c.focus);
  ensureSpanVisible(c.focus, c.focus);
  if (end > start) {
    const rect = focusRect();
    selectionStore.set({ sel: { start, end, text: model.index.slice(start, end), x: rect?.left ?? 400, y: rect ? rect.top - 8 : 200 } });
  } else clearTextSelection();
}

/** The caret's place on screen (after the report rendered it), or null. */
export function focusRect(): DOMRect | null {
  const c = caretStore.get().caret;
  const model = reportStore.get().model;
  if (!c || !model || typeof document === 'undefined') return null;
  const point = domPoint(model.index, c.focus);
  if (!point) return null;
  const r = document.createRange();
  r.setStart(point.node, point.offset);
  r.collapse(true);
  const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
  return rect;
}

/** The DOM text position of a code point offset in the rendered report (null when not rendered). */
export function domPoint(index: TextIndex, cp: number): { node: Text; offset: number } | null {
  const segs = document.querySelectorAll<HTMLElement>('[data-testid="report-view"] [data-s]');
  let seg: HTMLElement | null = null;
  for (const s of segs) {
    const a = Number(s.dataset.s);
    const b = Number(s.dataset.e);
    if (cp >= a && cp <= b && b > a) {
      seg = s;
      if (cp < b) break;
    }
  }
  if (!seg) return null;
  let units = index.toUtf16(cp) - index.toUtf16(Number(seg.dataset.s));
  const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (units <= n.length) return { node: n, offset: units };
    units -= n.length;
    last = n;
  }
  return last ? { node: last, offset: last.length } : null;
}

/** Keys of caret mode (true when handled). */
export function handleCaretKey(e: KeyboardEvent): boolean {
  const c = caretStore.get().caret;
  if (!c) return false;
  if (e.key === 'Escape') {
    stopCaret();
    return true;
  }
  const word = e.ctrlKey || e.altKey || e.metaKey;
  let next: Caret | null = null;
  switch (e.key) {
    case 'ArrowRight': next = moveCaret(c, 1, word ? 'word' : 'char', e.shiftKey); break;
    case 'ArrowLeft': next = moveCaret(c, -1, word ? 'word' : 'char', e.shiftKey); break;
    case 'ArrowDown': next = moveCaret(c, 1, 'para', e.shiftKey); break;
    case 'ArrowUp': next = moveCaret(c, -1, 'para', e.shiftKey); break;
    case 'End': next = moveCaret(c, 1, 'line', e.shiftKey); break;
    case 'Home': next = moveCaret(c, -1, 'line', e.shiftKey); break;
    default: return false;
  }
  if (next) setCaret(next);
  return true;
}

// another report (or a re-read text): the caret's offsets belong to the old text
let shownText: unknown = null;
reportStore.subscribe(() => {
  const s = reportStore.get();
  const key = s.model?.index ?? null;
  if (key !== shownText) {
    shownText = key;
    if (caretActive()) stopCaret();
  }
});
