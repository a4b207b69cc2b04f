/** The caret of caret mode: a bar at the focus, and the span from the anchor shown as the text selection. */
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { caretStore, domPoint, focusRect } from './caret';
import { reportStore } from './store';

export function CaretMark(): React.JSX.Element | null {
  const { t } = useI18n();
  const caret = useStore(caretStore, (s) => s.caret);
  const model = useStore(reportStore, (s) => s.model);
  const [rect, setRect] = useState<DOMRect | null>(null);
  const [tick, bump] = useReducer((x: number) => x + 1, 0);
  // the report renders (and scrolls to) the focus first: measure after its frame
  useEffect(() => {
    if (!caret) return;
    const scroller = document.querySelector('[data-testid="report-scroller"]');
    const on = (): void => bump();
    scroller?.addEventListener('scroll', on, { passive: true });
    const raf = requestAnimationFrame(on);
    return () => {
      cancelAnimationFrame(raf);
      scroller?.removeEventListener('scroll', on);
    };
  }, [caret]);
  // the text selection drawn for the caret (removed when caret mode ends)
  const owned = useRef(false);
  useLayoutEffect(() => {
    if (!caret || !model) {
      setRect(null);
      if (owned.current) window.getSelection()?.removeAllRanges();
      owned.current = false;
      return;
    }
    setRect(focusRect());
    const a = domPoint(model.index, Math.min(caret.anchor, caret.focus));
    const b = domPoint(model.index, Math.max(caret.anchor, caret.focus));
    const sel = window.getSelection();
    if (!sel) return;
    if (a && b && caret.anchor !== caret.focus) {
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      sel.removeAllRanges();
      sel.addRange(r);
      owned.current = true;
    } else sel.removeAllRanges();
  }, [caret, model, tick]);
  if (!caret) return null;
  return (
    <>
      {rect ? <div className="caret-bar" style={{ left: rect.left - 1, top: rect.top, height: rect.height || 20 }} aria-hidden="true" data-testid="caret" data-focus={caret.focus} data-anchor={caret.anchor} /> : null}
      <div className="caret-hint" role="status" data-testid="caret-hint">
        {t('caret.hint')}
      </div>
    </>
  );
}
