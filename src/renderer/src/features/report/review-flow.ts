/** Moving between reports from the keyboard, and Ctrl+A over the report text only. */
import { visibleDocuments, workspaceStore } from '../documents/store';
import { prefsStore } from './prefs';
import { nextUnreviewedFinding, openDocument, reportStore, setStatus } from './store';


/** Opens the next (1) or previous (-1) report of the list as it is shown (filter and sort). */
export function nextReport(dir: 1 | -1): boolean {
  const ws = workspaceStore.get();
  if (!ws.workspace) return false;
  const docs = visibleDocuments(ws.workspace.documents, ws.filter, ws.sort);
  if (docs.length === 0) return false;
  const cur = reportStore.get().docId;
  const i = cur ? docs.findIndex((d) => d.id === cur) : -1;
  const j = i < 0 ? (dir === 1 ? 0 : docs.length - 1) : i + dir;
  if (j < 0 || j >= docs.length) return false;
  void openDocument(docs[j].id);
  // the list keeps the open report in view
  requestAnimationFrame(() => document.querySelector(`[data-testid="doc-item"][data-doc-id="${CSS.escape(docs[j].id)}"]`)?.scrollIntoView({ block: 'nearest' }));
  return true;
}

/** True while the selection is the whole report column (Ctrl+A). */
function wholeReportSelected(column: Element): boolean {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount !== 1) return false;
  const r = sel.getRangeAt(0);
  return r.startContainer === column && r.startOffset === 0 && r.endContainer === column && r.endOffset === column.childNodes.length;
}

/**
 * Ctrl+A outside a field selects the report's text, not the toolbars and panes around it; a
 * copy then takes the whole report (the view holds only the paragraphs on screen).
 */
export function selectAllReportText(): boolean {
  const column = document.querySelector('[data-testid="report-view"]');
  if (!column || !reportStore.get().model) return false;
  const range = document.createRange();
  range.selectNodeContents(column);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  return true;
}

if (typeof document !== 'undefined') {
  document.addEventListener('copy', (e) => {
    const model = reportStore.get().model;
    const column = document.querySelector('[data-testid="report-view"]');
    if (!model || !column || !e.clipboardData || !wholeReportSelected(column)) return;
    e.clipboardData.setData('text/plain', model.index.text);
    e.preventDefault();
  });
}

/**
 * One decision on a finding (a key or a button): accept or reject records it, skip records
 * nothing; then, with the "move on" setting (on by default), the next unreviewed finding is
 * selected — skip always moves on.
 */
export function decide(id: string, decision: 'accepted' | 'rejected' | 'skip'): void {
  if (decision !== 'skip') void setStatus([id], decision);
  if (decision === 'skip' || prefsStore.get().advance) nextUnreviewedFinding();
}
