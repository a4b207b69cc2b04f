/** The documents sidebar: import progress, filter and sort, one row per report with its counts. */
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { openDocument, reportStore } from '../report/store';
import { type DocSort, cancelImport, orphanCountOf, unreviewed, visibleDocuments, workspaceStore } from './store';
import './documents.css';
// team: "my queue" (the reports assigned to me)
import { MyQueueToggle, useQueueFilter } from '../team/MyQueueToggle';

export function DocumentsPane(): React.JSX.Element {
  const { t, count } = useI18n();
  const ws = useStore(workspaceStore, (s) => s.workspace);
  const loading = useStore(workspaceStore, (s) => s.loading);
  const filter = useStore(workspaceStore, (s) => s.filter);
  const sort = useStore(workspaceStore, (s) => s.sort);
  const progress = useStore(workspaceStore, (s) => s.progress);
  const orphanCounts = useStore(workspaceStore, (s) => s.orphanCounts);
  const openId = useStore(reportStore, (s) => s.docId);
  // team: the list narrowed to my queue when asked
  const queue = useQueueFilter();
  const docs = ws ? visibleDocuments(queue ? ws.documents.filter((d) => queue.has(d.id)) : ws.documents, filter, sort) : [];
  return (
    <div className="docs-pane">
      {progress ? (
        <div className="progress" data-testid="import-progress">
          <span title={progress.current ?? undefined}>{t(progress.phase === 'reading' ? 'import.reading' : 'import.progress', { done: progress.done, total: progress.total })}</span>
          <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
            <div style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
          </div>
          <button type="button" className="icon-btn" onClick={() => void cancelImport()} title={t('import.cancel')} aria-label={t('import.cancel')}>
            ×
          </button>
        </div>
      ) : null}
      <div className="docs-controls">
        <input
          type="search"
          placeholder={t('docs.filter')}
          aria-label={t('docs.filter')}
          value={filter}
          onChange={(e) => workspaceStore.patch({ filter: e.target.value })}
          data-testid="doc-filter"
        />
        <select aria-label={t('docs.sort')} title={t('docs.sort')} value={sort} onChange={(e) => workspaceStore.patch({ sort: e.target.value as DocSort })} data-testid="doc-sort">
          <option value="name">{t('docs.sortName')}</option>
          <option value="unreviewed">{t('docs.sortUnreviewed')}</option>
        </select>
      </div>
      {/* team: */}
      <MyQueueToggle />
      {loading && !ws ? <p className="muted docs-note">{t('app.loading')}</p> : null}
      {ws && ws.documents.length === 0 ? <p className="muted docs-note" data-testid="docs-empty">{t(progress ? 'docs.importing' : 'docs.empty')}</p> : null}
      {ws && ws.documents.length > 0 && docs.length === 0 ? <p className="muted docs-note">{t('docs.noMatch')}</p> : null}
      <ul className="doc-list" data-testid="doc-list" role="listbox" aria-label={t('docs.title')}>
        {docs.map((d) => {
          const c = d.counts;
          const done = c.total > 0 ? c.reviewed / c.total : 0;
          const orphans = orphanCountOf(d, orphanCounts);
          return (
            <li key={d.id} role="option" aria-selected={d.id === openId}>
              <button
                type="button"
                className={d.id === openId ? 'doc-item open' : 'doc-item'}
                data-testid="doc-item"
                data-doc-id={d.id}
                title={d.path}
                onClick={() => void openDocument(d.id)}
              >
                <span className="doc-name">
                  {d.name}
                  {orphans > 0 ? (
                    <span className="orphan-badge num" title={t('orphans.badge', { count: orphans })} aria-label={t('orphans.badge', { count: orphans })} data-testid="orphan-badge">
                      {orphans}
                    </span>
                  ) : null}
                </span>
                <span className="doc-counts num" title={t('docs.countsTitle')}>
                  {t('docs.counts', { figures: count(c.figures), duplicates: count(c.duplicates), defects: count(c.defects) })}
                </span>
                <span className="doc-reviewed num">
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${Math.round(done * 100)}%` }} />
                  </span>
                  {t('docs.reviewed', { reviewed: count(c.reviewed), total: count(c.total) })}
                  {unreviewed(d) === 0 && c.total > 0 ? ' ✓' : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
