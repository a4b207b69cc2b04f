/**
 * m: the selected figure's metric is the text the analyst selected in the report (a drag and one
 * key instead of typing the words in the inspector). A metric fix is what "apply to all like
 * this" carries to the same clause in other reports, and what a workspace rule keeps.
 */
import { showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { clearTextSelection, selectionStore } from '../report/selection';
import { applyAction, reportStore } from '../report/store';

/** The metric a selection gives: its text without surrounding spaces and punctuation (null: nothing usable). */
export function metricOfSelection(text: string): string | null {
  const m = text.replace(/^[\s，。、；：！？,.;:!?（）()“”"'《》【】]+|[\s，。、；：！？,.;:!?（）()“”"'《》【】]+$/gu, '');
  return m.length > 0 && m.length <= 100 && !/[\n\r]/.test(m) ? m : null;
}

export function metricFromSelection(): boolean {
  const sel = selectionStore.get().sel;
  const s = reportStore.get();
  const f = s.selectedId ? s.model?.byId.get(s.selectedId) : undefined;
  if (!sel) return false;
  if (!f || f.type !== 'figure') {
    showNotice(t('metric.needFigure'));
    return true;
  }
  const metric = metricOfSelection(sel.text);
  if (!metric) {
    showNotice(t('metric.badSelection'));
    return true;
  }
  clearTextSelection();
  window.getSelection()?.removeAllRanges();
  void applyAction({ type: 'setFields', findingId: f.id, fields: { metric } }).then((ok) => ok && showNotice(t('metric.set', { metric })));
  return true;
}
