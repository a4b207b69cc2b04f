/** Three resizable, collapsible panes; widths and collapsed state remembered (layout store). */
import { type ReactNode, useRef } from 'react';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { withKeys } from '../shortcuts/keys';
import { LIMITS, layoutStore, setWidth, toggleCollapsed } from './store';

export function Panes({ documents, report, inspector }: { documents: ReactNode; report: ReactNode; inspector: ReactNode }): React.JSX.Element {
  const { t } = useI18n();
  const s = useStore(layoutStore, (x) => x);
  const docsName = t('pane.documents');
  const inspName = t('pane.inspector');
  return (
    <main className="panes">
      <section className={s.docsCollapsed ? 'pane docs collapsed' : 'pane docs'} style={{ width: s.docsWidth }} aria-label={docsName} data-testid="pane-documents">
        <div className="pane-head">
          <span className="title">{docsName}</span>
          <button
            type="button"
            className="icon-btn"
            aria-expanded={!s.docsCollapsed}
            title={withKeys(t(s.docsCollapsed ? 'pane.expand' : 'pane.collapse', { pane: docsName }), 'toggleDocs')}
            onClick={() => toggleCollapsed('docs')}
          >
            {s.docsCollapsed ? '»' : '«'}
          </button>
        </div>
        <div className="pane-body">{documents}</div>
      </section>
      {s.docsCollapsed ? null : <Splitter pane="docs" width={s.docsWidth} label={t('pane.resize', { pane: docsName })} />}
      <section className="pane report" aria-label="report">
        {report}
      </section>
      {s.inspectorCollapsed ? null : <Splitter pane="inspector" width={s.inspectorWidth} label={t('pane.resize', { pane: inspName })} />}
      <section className={s.inspectorCollapsed ? 'pane inspector collapsed' : 'pane inspector'} style={{ width: s.inspectorWidth }} aria-label={inspName} data-testid="pane-inspector">
        <div className="pane-head">
          <button
            type="button"
            className="icon-btn"
            aria-expanded={!s.inspectorCollapsed}
            title={withKeys(t(s.inspectorCollapsed ? 'pane.expand' : 'pane.collapse', { pane: inspName }), 'toggleInspector')}
            onClick={() => toggleCollapsed('inspector')}
          >
            {s.inspectorCollapsed ? '«' : '»'}
          </button>
          <span className="title">{inspName}</span>
        </div>
        <div className="pane-body">{inspector}</div>
      </section>
    </main>
  );
}

function Splitter({ pane, width, label }: { pane: 'docs' | 'inspector'; width: number; label: string }): React.JSX.Element {
  const start = useRef<{ x: number; w: number } | null>(null);
  const sign = pane === 'docs' ? 1 : -1;
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      title={label}
      aria-valuenow={width}
      aria-valuemin={LIMITS.min}
      aria-valuemax={LIMITS.max}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, w: width };
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current) setWidth(pane, start.current.w + sign * (e.clientX - start.current.x));
      }}
      onPointerUp={() => {
        start.current = null;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          setWidth(pane, width + (e.key === 'ArrowRight' ? 16 : -16) * sign);
        }
      }}
    />
  );
}
