/**
 * The key table: every command with its keys, for the global handler, the tooltips and the `?`
 * sheet. Matching is pure (unit tested); running lives in commands.ts.
 */
import type { MessageKey } from '../i18n/i18n';

export type CommandId =
  | 'next' | 'prev' | 'nextUnreviewed' | 'accept' | 'reject' | 'acceptNext' | 'edit' | 'tagPicker' | 'toggleTag'
  | 'search' | 'undo' | 'redo' | 'bulkAccept' | 'help' | 'toggleDocs' | 'toggleInspector' | 'addFigure' | 'tagSpan' | 'escape'
  | 'export' | 'toggleView'
  | 'fixReportWide'
  // ui-b: issue 15
  | 'skip' | 'nextReport' | 'prevReport' | 'findingsList' | 'caret' | 'selectAll'
  // rules: issue 16
  | 'applyLike' | 'metricFromSelection';

/** Commands that act on the report or the selected finding: ignored while the Figures table is shown. */
export const REVIEW_ONLY: ReadonlySet<CommandId> = new Set<CommandId>([
  'next', 'prev', 'nextUnreviewed', 'accept', 'reject', 'acceptNext', 'edit', 'tagPicker', 'toggleTag', 'undo', 'redo', 'bulkAccept', 'toggleDocs', 'toggleInspector', 'addFigure', 'tagSpan',
  'fixReportWide',
  'skip', 'findingsList', 'caret', 'selectAll',
  'applyLike', 'metricFromSelection', // rules:
]);

export interface KeyBinding {
  id: CommandId;
  /** display form, e.g. "Ctrl+Shift+Z" */
  keys: string[];
  label: MessageKey;
  group: 'review' | 'navigate' | 'general';
}

export const BINDINGS: KeyBinding[] = [
  { id: 'next', keys: ['j'], label: 'action.next', group: 'navigate' },
  { id: 'prev', keys: ['k'], label: 'action.prev', group: 'navigate' },
  { id: 'nextUnreviewed', keys: ['n'], label: 'action.nextUnreviewed', group: 'navigate' },
  { id: 'search', keys: ['/'], label: 'action.search', group: 'navigate' },
  { id: 'nextReport', keys: ['Alt+↓'], label: 'shortcuts.nextReport', group: 'navigate' },
  { id: 'prevReport', keys: ['Alt+↑'], label: 'shortcuts.prevReport', group: 'navigate' },
  { id: 'findingsList', keys: ['l'], label: 'shortcuts.findingsList', group: 'navigate' },
  { id: 'accept', keys: ['a'], label: 'action.accept', group: 'review' },
  { id: 'reject', keys: ['x'], label: 'action.reject', group: 'review' },
  { id: 'skip', keys: ['s'], label: 'action.skip', group: 'review' },
  { id: 'acceptNext', keys: ['Enter'], label: 'action.acceptNext', group: 'review' },
  { id: 'edit', keys: ['e'], label: 'action.edit', group: 'review' },
  { id: 'toggleTag', keys: ['1…9'], label: 'shortcuts.toggleTag', group: 'review' },
  { id: 'tagPicker', keys: ['t'], label: 'action.tag', group: 'review' },
  { id: 'bulkAccept', keys: ['Shift+A'], label: 'shortcuts.bulk', group: 'review' },
  { id: 'addFigure', keys: ['f'], label: 'shortcuts.addFigure', group: 'review' },
  { id: 'tagSpan', keys: ['g'], label: 'shortcuts.tagSpan', group: 'review' },
  { id: 'fixReportWide', keys: ['Shift+P'], label: 'shortcuts.fixReportWide', group: 'review' },
  { id: 'caret', keys: ['c'], label: 'shortcuts.caret', group: 'review' },
  { id: 'applyLike', keys: ['r'], label: 'shortcuts.applyLike', group: 'review' }, // rules:
  { id: 'metricFromSelection', keys: ['m'], label: 'shortcuts.metricFromSelection', group: 'review' }, // rules:
  { id: 'undo', keys: ['Ctrl+Z'], label: 'action.undo', group: 'general' },
  { id: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], label: 'action.redo', group: 'general' },
  { id: 'toggleView', keys: ['v'], label: 'shortcuts.toggleView', group: 'general' },
  { id: 'export', keys: ['Ctrl+E'], label: 'shortcuts.export', group: 'general' },
  { id: 'selectAll', keys: ['Ctrl+A'], label: 'shortcuts.selectAll', group: 'general' },
  { id: 'toggleDocs', keys: ['['], label: 'shortcuts.toggleDocs', group: 'general' },
  { id: 'toggleInspector', keys: [']'], label: 'shortcuts.toggleInspector', group: 'general' },
  { id: 'help', keys: ['?'], label: 'shortcuts.help', group: 'general' },
  { id: 'escape', keys: ['Esc'], label: 'shortcuts.escape', group: 'general' },
];

export function keysOf(id: CommandId): string {
  return BINDINGS.find((b) => b.id === id)?.keys.join(' / ') ?? '';
}

/** "Accept (a)": a label with its shortcut, for tooltips. */
export function withKeys(label: string, id: CommandId): string {
  return `${label} (${keysOf(id)})`;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Matched {
  id: CommandId;
  /** for toggleTag: the digit */
  digit?: string;
}

/** Which command a key press means (null: not ours). */
export function matchKey(e: KeyLike): Matched | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key;
  if (mod && !e.altKey) {
    if (k.toLowerCase() === 'z') return { id: e.shiftKey ? 'redo' : 'undo' };
    if (k.toLowerCase() === 'y' && !e.shiftKey) return { id: 'redo' };
    if (k.toLowerCase() === 'e' && !e.shiftKey) return { id: 'export' };
    if (k.toLowerCase() === 'a' && !e.shiftKey) return { id: 'selectAll' };
    return null;
  }
  if (e.altKey) {
    if (k === 'ArrowDown' && !e.shiftKey) return { id: 'nextReport' };
    if (k === 'ArrowUp' && !e.shiftKey) return { id: 'prevReport' };
    return null;
  }
  if (k === 'Escape') return { id: 'escape' };
  if (k === 'Enter') return e.shiftKey ? null : { id: 'acceptNext' };
  if (k === '?') return { id: 'help' };
  if (k === '/') return { id: 'search' };
  if (k === '[') return { id: 'toggleDocs' };
  if (k === ']') return { id: 'toggleInspector' };
  if (/^[0-9]$/.test(k)) return { id: 'toggleTag', digit: k };
  if (k === 'A' && e.shiftKey) return { id: 'bulkAccept' };
  if (k === 'P' && e.shiftKey) return { id: 'fixReportWide' };
  if (e.shiftKey) return null;
  switch (k) {
    case 'j': return { id: 'next' };
    case 'k': return { id: 'prev' };
    case 'n': return { id: 'nextUnreviewed' };
    case 'a': return { id: 'accept' };
    case 'x': return { id: 'reject' };
    case 'e': return { id: 'edit' };
    case 't': return { id: 'tagPicker' };
    case 'f': return { id: 'addFigure' };
    case 'g': return { id: 'tagSpan' };
    case 'v': return { id: 'toggleView' };
    case 's': return { id: 'skip' };
    case 'l': return { id: 'findingsList' };
    case 'c': return { id: 'caret' };
    case 'r': return { id: 'applyLike' }; // rules:
    case 'm': return { id: 'metricFromSelection' }; // rules:
    default: return null;
  }
}

/** True when the key press belongs to a text field (typing, native undo). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(type);
  }
  return false;
}
