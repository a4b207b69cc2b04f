/**
 * Orphaned reviews of the open report: find where one belongs, put it back on a span (the
 * review actions of reattach.ts, then orphanResolve), or let it go (orphanResolve alone).
 */
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { primarySpan } from '../report/model';
import { clearTextSelection, selectionStore } from '../report/selection';
import { applyAction, applyView, reportStore, selectFinding, showSpan } from '../report/store';
import { trackWrite } from '../statusbar/saveState';
import { type Target, locateAnchor, reattachActions } from './reattach';

/** The orphan being worked on (its index in the list), so only one runs at a time. */
export const orphanStore = createStore<{ busy: number | null }>({ busy: null });

/**
 * The span an orphan would go to: the analyst's text selection, else the highlighted span (a
 * found quote), else the selected finding's place.
 */
export function currentTarget(): Target | null {
  const sel = selectionStore.get().sel;
  if (sel) return { start: sel.start, end: sel.end, text: sel.text };
  const s = reportStore.get();
  if (!s.model) return null;
  if (s.spanHighlight && s.spanHighlight.end > s.spanHighlight.start) {
    return { ...s.spanHighlight, text: s.model.index.slice(s.spanHighlight.start, s.spanHighlight.end) };
  }
  const f = s.selectedId ? s.model.byId.get(s.selectedId) : undefined;
  if (f) {
    const p = primarySpan(f);
    if (p.end > p.start) return { ...p, text: s.model.index.slice(p.start, p.end) };
  }
  return null;
}

/** Highlights where the orphan's quote is now (best context match); false if the quote is not in the text. */
export function findOrphan(index: number): boolean {
  const s = reportStore.get();
  const orphan = s.orphans[index];
  if (!orphan || !s.model) return false;
  const at = locateAnchor(s.model.index, orphan.anchor);
  if (!at) {
    showNotice(t('orphans.notFound', { quote: orphan.anchor.quote }));
    return false;
  }
  clearTextSelection();
  showSpan(at);
  return true;
}

async function resolve(documentId: string, index: number): Promise<boolean> {
  try {
    const view = await trackWrite(() => getClient().orphanResolve({ documentId, index }));
    applyView(view);
    return true;
  } catch (e) {
    reportError(e, 'orphanResolve');
    return false;
  }
}

/** Puts the orphan's status, fields, tags and note on the target span; then the orphan is resolved. */
export async function reattachOrphan(index: number, target: Target | null = currentTarget()): Promise<boolean> {
  const s = reportStore.get();
  const orphan = s.orphans[index];
  const documentId = s.docId;
  if (!orphan || !documentId || !s.model || !target || orphanStore.get().busy !== null) return false;
  orphanStore.patch({ busy: index });
  try {
    const existing = reattachActions(orphan, s.model.findings, undefined, target).findingId;
    const plan = reattachActions(orphan, s.model.findings, s.reviews[existing], target);
    for (const action of plan.actions) {
      // applyAction reports its own error; the orphan stays until every step is saved
      if (!(await applyAction(action))) return false;
    }
    if (reportStore.get().docId !== documentId) return false;
    if (!(await resolve(documentId, index))) return false;
    clearTextSelection();
    window.getSelection()?.removeAllRanges();
    selectFinding(plan.findingId);
    showNotice(t('orphans.reattached', { quote: orphan.anchor.quote }));
    return true;
  } finally {
    orphanStore.patch({ busy: null });
  }
}

/** Lets an orphan go: its review is dropped from the report (the analyst confirmed). */
export async function dropOrphan(index: number): Promise<boolean> {
  const documentId = reportStore.get().docId;
  if (!documentId || orphanStore.get().busy !== null) return false;
  orphanStore.patch({ busy: index });
  try {
    return await resolve(documentId, index);
  } finally {
    orphanStore.patch({ busy: null });
  }
}
