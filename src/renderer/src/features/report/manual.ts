/** Manual findings from the analyst's text selection: a figure (value parsed, kind guessed) or a tagged span. */
import { manualId as coreManualId } from '../../../../core/document/ids';
import type { Finding } from '../../../../core/store-schema';
import { guessKind, parseFigureInput } from '../inspector/parseValue';
import { clearTextSelection, type TextSelection } from './selection';
import { applyAction, reportStore, selectFinding } from './store';

export function manualId(start: number, end: number, now: number = Date.now()): string {
  return coreManualId(start, end, now);
}

/** The manual figure finding for a selection. */
export function manualFigure(sel: { start: number; end: number; text: string }, now: number = Date.now()): Finding {
  const parsed = parseFigureInput(sel.text);
  const kind = parsed ? guessKind(sel.text) : 'name';
  return {
    type: 'figure',
    id: manualId(sel.start, sel.end, now),
    origin: 'manual',
    data: {
      text: sel.text,
      start: sel.start,
      end: sel.end,
      kind: kind === 'name' && parsed ? 'count' : kind,
      value: parsed?.value ?? null,
      value_to: parsed?.valueTo ?? null,
      unit: parsed?.unit ?? null,
      approx: parsed?.approx ?? null,
      metric: null,
    },
  };
}

export async function addManualFigure(sel: TextSelection, tags: string[] = []): Promise<void> {
  if (!reportStore.get().model) return;
  const finding = manualFigure(sel);
  clearTextSelection();
  window.getSelection()?.removeAllRanges();
  const ok = await applyAction({ type: 'addFinding', finding, status: 'accepted', tags });
  if (ok) selectFinding(finding.id, false);
}
