/**
 * The adjudication queue's order and keys (pure, unit tested). INCEpTION-style groups: the items
 * the analysts disagree on first, then those only one analyst decided, then those all agree on;
 * reading order inside a group. Keys, like the review keys: j/k move, 1…9 take that analyst's
 * side, x rejects the item, e edits the picked side's value, u undoes the choice, a accepts every
 * all-agree item, o opens the report at the item.
 */
import type { ItemClass } from '../../../../core/team';
import type { MessageKey } from '../i18n/messages';
import type { KeyLike } from '../shortcuts/keys';

export const GROUP_ORDER: readonly ItemClass[] = ['disagree', 'single', 'agree'];

/** The items in queue order (groups as above, then reading order). */
export function queueOrder<T extends { class: ItemClass; start: number; end: number; id: string }>(items: readonly T[]): T[] {
  const rank = (c: ItemClass): number => GROUP_ORDER.indexOf(c);
  return [...items].sort((x, y) => rank(x.class) - rank(y.class) || x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export type QueueKey =
  | { type: 'move'; dir: 1 | -1 }
  | { type: 'take'; index: number }
  | { type: 'reject' }
  | { type: 'edit' }
  | { type: 'acceptAgree' }
  | { type: 'undo' }
  | { type: 'open' };

/** The queue's keys as the `?` sheet lists them (each is a key `queueKey` reads: a test checks). */
export const ADJUDICATION_KEYS: readonly { id: string; keys: readonly string[]; label: MessageKey }[] = [
  { id: 'adj-move', keys: ['j', 'k', '↓', '↑'], label: 'shortcuts.adj.move' },
  { id: 'adj-take', keys: ['1', '…', '9'], label: 'shortcuts.adj.take' },
  { id: 'adj-reject', keys: ['x'], label: 'shortcuts.adj.reject' },
  { id: 'adj-edit', keys: ['e'], label: 'shortcuts.adj.edit' },
  { id: 'adj-undo', keys: ['u'], label: 'shortcuts.adj.undo' },
  { id: 'adj-accept-agree', keys: ['a'], label: 'shortcuts.adj.acceptAgree' },
  { id: 'adj-open', keys: ['o'], label: 'shortcuts.adj.open' },
];

/** What a key press means in the queue (null: not a queue key). */
export function queueKey(e: KeyLike): QueueKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key;
  if (/^[1-9]$/.test(k)) return { type: 'take', index: Number(k) - 1 };
  if (e.shiftKey) return null;
  switch (k) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', dir: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', dir: -1 };
    case 'x':
      return { type: 'reject' };
    case 'e':
      return { type: 'edit' };
    case 'a':
      return { type: 'acceptAgree' };
    case 'u':
      return { type: 'undo' };
    case 'o':
      return { type: 'open' };
    default:
      return null;
  }
}

/** The next position after a move, kept inside the list (no wrap: the ends are where the queue ends). */
export function moveIndex(index: number, dir: 1 | -1, length: number): number {
  if (length === 0) return 0;
  return Math.min(length - 1, Math.max(0, index + dir));
}

/**
 * After a decision the queue moves on: to the next item still open after `index` (in queue
 * order), else the first open one before it, else stays.
 */
export function nextOpen(open: readonly boolean[], index: number): number {
  for (let i = index + 1; i < open.length; i++) if (open[i]) return i;
  for (let i = 0; i < index; i++) if (open[i]) return i;
  return index;
}
