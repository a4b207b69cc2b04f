/** The search field (focus with /) and its results in context; choosing one opens the report at the span. */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { registerFocus } from '../layout/ui';
import { setView } from '../layout/view';
import { openDocument, reportStore } from '../report/store';
import { withKeys } from '../shortcuts/keys';
import { runSearch, searchStore } from './store';
import './search.css';

export function SearchBox(): React.JSX.Element {
  const { t } = useI18n();
  const s = useStore(searchStore, (x) => x);
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const openId = useStore(reportStore, (x) => x.docId);
  const list = useRef<HTMLUListElement>(null);
  // new hits: the first is highlighted
  useEffect(() => {
    setActive(0);
  }, [s.hits]);
  // the highlighted hit stays in view as the arrows move it
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  useEffect(
    () =>
      registerFocus('search', () => {
        input.current?.focus();
        input.current?.select();
        if (searchStore.get().hits) searchStore.patch({ open: true });
      }),
    [],
  );
  const hits = s.hits ?? [];
  const choose = (i: number): void => {
    const h = hits[i];
    if (!h) return;
    searchStore.patch({ open: false });
    input.current?.blur();
    setView('review');
    void openDocument(h.documentId, { start: h.start, end: h.end });
  };
  return (
    <div className="search" onKeyDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        type="search"
        value={s.query}
        placeholder={t('search.placeholder')}
        aria-label={t('action.search')}
        title={withKeys(t('action.search'), 'search')}
        onChange={(e) => searchStore.patch({ query: e.target.value })}
        onFocus={() => s.hits && searchStore.patch({ open: true })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // Enter opens the highlighted hit of the query shown; a changed query is searched first
            if (s.open && !s.searching && hits.length > 0 && s.searched === s.query.trim()) choose(active);
            else {
              setActive(0);
              void runSearch(s.query);
            }
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(hits.length - 1, a + 1));
            if (!s.open && s.hits) searchStore.patch({ open: true });
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Escape') {
            searchStore.patch({ open: false });
            input.current?.blur();
          }
        }}
        data-testid="search-input"
      />
      {s.open && (s.hits || s.searching) ? (
        <div className="search-results visible-scroll" role="listbox" aria-label={t('action.search')} data-testid="search-results">
          <div className="search-head">
            <span data-testid="search-count">
              {s.searching
                ? t('search.searching')
                : hits.length
                  ? s.more
                    ? t('search.resultsMore', { count: hits.length, query: s.searched })
                    : t('search.results', { count: hits.length, query: s.searched })
                  : t('search.none', { query: s.searched })}
            </span>
            <button type="button" className="icon-btn" aria-label={t('search.close')} title={t('search.close')} onClick={() => searchStore.patch({ open: false })}>
              ×
            </button>
          </div>
          <ul ref={list}>
            {hits.map((h, i) => (
              <li key={`${h.documentId}:${h.start}`} role="option" aria-selected={i === active}>
                <button type="button" className={i === active ? 'hit active' : 'hit'} onClick={() => choose(i)} onMouseEnter={() => setActive(i)} data-testid="search-hit">
                  <span className="hit-doc">
                    {h.name}
                    {h.documentId === openId ? <span className="hit-here">{t('search.thisReport')}</span> : null}
                  </span>
                  <span className="hit-ctx" lang="zh-Hans">
                    {h.before}
                    <mark>{h.match}</mark>
                    {h.after}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
