/**
 * Metric phrases that map to no indicator, most frequent first: pick a known indicator (two
 * clicks: the picker, the indicator) or type a new name; the table is fetched again.
 */
import { useState } from 'react';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { type Unmapped, filterUnmapped, suggestIndicator } from './mapping';
import { figuresStore, mapMetric } from './store';

const SHOWN = 40;
const NEW = '\u0000new';

export function UnmappedPanel(): React.JSX.Element {
  const { t } = useI18n();
  const pivot = useStore(figuresStore, (s) => s.pivot);
  const map = useStore(figuresStore, (s) => s.map);
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const list = filterUnmapped(pivot?.unmapped ?? [], query);
  const shown = all ? list : list.slice(0, SHOWN);
  const known = pivot?.knownIndicators ?? [];
  const mine = Object.entries(map ?? {});
  return (
    <aside className="unmapped-panel" aria-labelledby="unmapped-title" data-testid="unmapped-panel">
      <h2 id="unmapped-title">
        {t('figures.unmapped')} <span className="muted num">{pivot ? filterUnmapped(pivot.unmapped, '').length : ''}</span>
      </h2>
      <p className="muted small">{t('figures.unmappedHint')}</p>
      {mine.length > 0 ? (
        <section className="my-mappings">
          <h3>{t('figures.myMappings')}</h3>
          <ul>
            {mine.map(([metric, indicator]) => (
              <li key={metric}>
                <span lang="zh-Hans">{metric}</span> → <span lang="zh-Hans">{indicator}</span>
                <button type="button" className="icon-btn" onClick={() => void mapMetric(metric, null)} title={t('figures.removeMapping', { metric })} aria-label={t('figures.removeMapping', { metric })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <input type="search" className="full" placeholder={t('figures.unmappedFilter')} aria-label={t('figures.unmappedFilter')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="unmapped-filter" />
      <ul className="unmapped-list">
        {shown.map((u) => (
          <UnmappedItem key={`${u.metric}\u0000${u.unit ?? ''}`} u={u} known={known} />
        ))}
      </ul>
      {!all && list.length > SHOWN ? (
        <button type="button" className="link" onClick={() => setAll(true)}>
          {t('figures.showAll', { count: list.length })}
        </button>
      ) : null}
      {pivot && list.length === 0 ? <p className="muted small">{t('figures.noneUnmapped')}</p> : null}
    </aside>
  );
}

function UnmappedItem({ u, known }: { u: Unmapped; known: readonly string[] }): React.JSX.Element {
  const { t } = useI18n();
  const busy = useStore(figuresStore, (s) => s.mapping === u.metric);
  const [naming, setNaming] = useState<string | null>(null);
  const label = t('figures.mapTo', { metric: u.metric });
  return (
    <li className="unmapped-item" data-testid="unmapped-item" data-metric={u.metric}>
      <div className="unmapped-head">
        <span className="metric" lang="zh-Hans">
          {u.metric}
        </span>
        {u.unit ? <span className="unit muted">{u.unit}</span> : null}
        <span className="count muted num" title={t('figures.figureCount', { count: u.count })}>
          ×{u.count}
        </span>
      </div>
      {naming === null ? (
        <select
          aria-label={label}
          title={label}
          value=""
          disabled={busy}
          onChange={(e) => {
            const v = e.target.value;
            if (v === NEW) setNaming(suggestIndicator(u));
            else if (v) void mapMetric(u.metric, v);
          }}
          data-testid="unmapped-select"
        >
          <option value="">{busy ? t('app.loading') : t('figures.mapPlaceholder')}</option>
          {known.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
          <option value={NEW}>{t('figures.newIndicator')}</option>
        </select>
      ) : (
        <form
          className="new-indicator"
          onSubmit={(e) => {
            e.preventDefault();
            if (naming.trim()) void mapMetric(u.metric, naming.trim()).then((ok) => ok || setNaming(naming));
          }}
        >
          <input
            value={naming}
            onChange={(e) => setNaming(e.target.value)}
            aria-label={t('figures.newIndicatorName')}
            placeholder={t('figures.newIndicatorName')}
            lang="zh-Hans"
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(null);
              }
            }}
            data-testid="unmapped-new-name"
          />
          <button type="submit" className="primary" disabled={busy || !naming.trim()} data-testid="unmapped-new-ok">
            {t('figures.map')}
          </button>
          <button type="button" onClick={() => setNaming(null)}>
            {t('dialog.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
