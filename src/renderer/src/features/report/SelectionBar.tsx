/** Shown over a text selection in the report: add it as a figure (f) or tag the span (g). */
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { openOverlay } from '../layout/ui';
import { withKeys } from '../shortcuts/keys';
import { addManualFigure } from './manual';
import { selectionStore } from './selection';

export function SelectionBar(): React.JSX.Element | null {
  const { t } = useI18n();
  const sel = useStore(selectionStore, (s) => s.sel);
  if (!sel) return null;
  const y = Math.max(48, sel.y);
  return (
    <div className="selection-bar" style={{ left: sel.x, top: y }} role="toolbar" aria-label={t('report.selection')} data-testid="selection-bar">
      <span className="muted" lang="zh-Hans">
        {sel.text.length > 16 ? `${sel.text.slice(0, 16)}…` : sel.text}
      </span>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void addManualFigure(sel)} title={withKeys(t('report.addFigure'), 'addFigure')} data-testid="add-figure">
        {t('report.addFigure')} <kbd>f</kbd>
      </button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => openOverlay('tagPicker', 'selection')} title={withKeys(t('report.tagSpan'), 'tagSpan')} data-testid="tag-span">
        {t('report.tagSpan')} <kbd>g</kbd>
      </button>
    </div>
  );
}
