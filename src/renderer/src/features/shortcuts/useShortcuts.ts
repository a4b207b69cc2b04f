/** The one global keydown handler: key table → command; ignored while typing in a field or in a dialog. */
import { useEffect } from 'react';
import { uiStore } from '../layout/ui';
import { viewStore } from '../layout/view';
import { caretActive, handleCaretKey } from '../report/caret';
import { runCommand } from './commands';
import { REVIEW_ONLY, isTypingTarget, matchKey } from './keys';

export function handleKeyDown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  // caret mode (c): arrows move and extend the keyboard selection in the report
  if (caretActive() && !isTypingTarget(e.target) && !uiStore.get().overlay && handleCaretKey(e)) {
    e.preventDefault();
    return;
  }
  const m = matchKey(e);
  if (!m) return;
  if (isTypingTarget(e.target)) return;
  if (uiStore.get().overlay && m.id !== 'escape' && m.id !== 'help') return;
  // the Figures table has no selected finding: review keys would act on a report out of sight
  if (viewStore.get().view !== 'review' && REVIEW_ONLY.has(m.id)) return;
  // Enter on a button or link activates it, not "accept and next"
  if (m.id === 'acceptNext' && e.target instanceof HTMLElement && e.target.closest('button, a, [role="separator"]')) return;
  if (runCommand(m)) {
    e.preventDefault();
    // the selected finding is the one focus: a button still focused elsewhere (the report
    // clicked in the list) loses its ring
    if (FINDING_MOVES.has(m.id)) releaseFocus();
  }
}

const FINDING_MOVES: ReadonlySet<string> = new Set(['next', 'prev', 'nextUnreviewed', 'accept', 'reject', 'skip', 'acceptNext']);

function releaseFocus(): void {
  const a = document.activeElement;
  if (a instanceof HTMLElement && a !== document.body && !isTypingTarget(a) && a.matches('button, select, [role="option"], [role="separator"]')) a.blur();
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
