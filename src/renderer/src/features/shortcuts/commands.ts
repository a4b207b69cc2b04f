/** Runs a command from the key table against the feature stores. */
import { workspaceStore } from '../documents/store';
import { closeOverlay, openOverlay, requestFocus, uiStore } from '../layout/ui';
import { toggleView } from '../layout/view';
import { toggleCollapsed } from '../layout/store';
import { bulkAcceptSelectedKind } from '../report/bulk';
import { addManualFigure } from '../report/manual';
import { fixReportWide } from '../report/ReportWideNotice';
import { clearTextSelection, selectionStore } from '../report/selection';
import { applyAction, nextUnreviewedFinding, redo, reportStore, selectFinding, setStatus, step, undo } from '../report/store';
import { tagForDigit } from '../taxonomy/tags';
import type { Matched } from './keys';
// ui-b: issue 15
import { decide, nextReport, selectAllReportText } from '../report/review-flow';
import { startCaret, stopCaret } from '../report/caret';
import { prefsStore } from '../report/prefs';
import { openLike } from '../rules/store'; // rules:
import { metricFromSelection } from '../rules/metric'; // rules:

function selected(): string | null {
  return reportStore.get().selectedId;
}

export function runCommand(m: Matched): boolean {
  const sel = selectionStore.get().sel;
  switch (m.id) {
    case 'next':
      step(1);
      return true;
    case 'prev':
      step(-1);
      return true;
    case 'nextUnreviewed':
      nextUnreviewedFinding();
      return true;
    case 'accept':
    case 'reject': {
      const id = selected();
      // one key per decision: on to the next unreviewed finding (a setting keeps the selection)
      if (id) decide(id, m.id === 'accept' ? 'accepted' : 'rejected');
      return true;
    }
    case 'skip': {
      // no write: the finding stays suggested, the analyst moves on
      const id = selected();
      if (id) decide(id, 'skip');
      else nextUnreviewedFinding();
      return true;
    }
    case 'nextReport':
    case 'prevReport':
      nextReport(m.id === 'nextReport' ? 1 : -1);
      return true;
    case 'findingsList':
      prefsStore.patch({ listOpen: !prefsStore.get().listOpen });
      return true;
    case 'caret':
      return startCaret();
    case 'selectAll':
      return selectAllReportText();
    case 'applyLike': // rules: apply the last decision to all like it
      return openLike();
    case 'metricFromSelection': // rules: the selected text is the selected figure's metric
      return metricFromSelection();
    case 'acceptNext': {
      const id = selected();
      if (id) void setStatus([id], 'accepted');
      step(1);
      return true;
    }
    case 'edit':
      return requestFocus('value');
    case 'tagPicker':
      if (selected()) openOverlay('tagPicker', 'finding');
      return true;
    case 'toggleTag': {
      const id = selected();
      const tag = tagForDigit(workspaceStore.get().workspace?.taxonomy ?? [], m.digit ?? '');
      if (id && tag) void applyAction({ type: 'toggleTag', findingId: id, tag: tag.id });
      return true;
    }
    case 'search':
      return requestFocus('search');
    case 'undo':
      void undo();
      return true;
    case 'redo':
      void redo();
      return true;
    case 'bulkAccept':
      bulkAcceptSelectedKind();
      return true;
    case 'fixReportWide':
      void fixReportWide();
      return true;
    case 'help':
      openOverlay(uiStore.get().overlay === 'help' ? null : 'help');
      return true;
    case 'toggleDocs':
      toggleCollapsed('docs');
      return true;
    case 'toggleInspector':
      toggleCollapsed('inspector');
      return true;
    case 'addFigure':
      if (!sel) return false;
      stopCaret();
      void addManualFigure(sel);
      return true;
    case 'tagSpan':
      if (!sel) return false;
      openOverlay('tagPicker', 'selection');
      return true;
    case 'export':
      openOverlay(uiStore.get().overlay === 'export' ? null : 'export');
      return true;
    case 'toggleView':
      clearTextSelection();
      toggleView();
      return true;
    case 'escape':
      if (uiStore.get().overlay) closeOverlay();
      else if (sel) {
        clearTextSelection();
        window.getSelection()?.removeAllRanges();
      } else selectFinding(null);
      return true;
  }
}
