/**
 * Reviews that lost their place when the report's source changed (never dropped): each with
 * its quote in context, status, tags and note. Find shows where the quote is now; Re-attach
 * puts the review on the selected text (or the found / selected place); Let go drops it after
 * a confirmation.
 */
import { useState } from 'react';
import type { Review } from '../../../../core/store-schema';
import { EMPTY, useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { useI18n } from '../i18n/i18n';
import { selectionStore } from '../report/selection';
import { reportStore } from '../report/store';
import { chipStyle, tagLabel } from '../taxonomy/tags';
import { dropOrphan, findOrphan, orphanStore, reattachOrphan } from './store';
import './orphans.css';

export function OrphansPanel(): React.JSX.Element | null {
  const { t } = useI18n();
  const orphans = useStore(reportStore, (s) => s.orphans);
  // re-render when the possible target changes
  const hasSelection = useStore(selectionStore, (s) => s.sel !== null);
  const hasHighlight = useStore(reportStore, (s) => s.spanHighlight !== null || s.selectedId !== null);
  if (orphans.length === 0) return null;
  const canAttach = hasSelection || hasHighlight;
  return (
    <details className="orphans" open data-testid="orphans-panel">
      <summary>
        <strong>{t('orphans.title', { count: orphans.length })}</strong>
      </summary>
      <p className="muted small">{t('orphans.hint')}</p>
      <ol className="orphan-list">
        {orphans.map((o, i) => (
          <OrphanItem key={`${o.findingId}:${i}`} orphan={o} index={i} canAttach={canAttach} />
        ))}
      </ol>
    </details>
  );
}

function OrphanItem({ orphan, index, canAttach }: { orphan: Review; index: number; canAttach: boolean }): React.JSX.Element {
  const { t, lang } = useI18n();
  const taxonomy = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const busy = useStore(orphanStore, (s) => s.busy);
  const [confirming, setConfirming] = useState(false);
  const a = orphan.anchor;
  const fields = Object.entries(orphan.fields ?? {});
  return (
    <li className="orphan" data-testid="orphan-item" data-finding-id={orphan.findingId}>
      <blockquote className="orphan-quote" lang="zh-Hans">
        <span className="ctx">{a.prefix.slice(-14)}</span>
        <mark>{a.quote || '∅'}</mark>
        <span className="ctx">{a.suffix.slice(0, 14)}</span>
      </blockquote>
      <div className="orphan-meta">
        <span className={`badge st-${orphan.status}`} data-testid="orphan-status" data-status={orphan.status}>
          {t(`status.${orphan.status}`)}
        </span>
        {orphan.tags.map((id) => {
          const tag = taxonomy.find((x) => x.id === id);
          return (
            <span key={id} className="chip" style={tag ? chipStyle(tag.color) : undefined}>
              {tag ? tagLabel(tag, lang) : id}
            </span>
          );
        })}
        <span className="muted small num">{t('orphans.was', { start: a.start, end: a.end })}</span>
      </div>
      {fields.length > 0 ? (
        <div className="small orphan-fields">
          {fields.map(([k, v]) => (
            <span key={k}>
              {k}: <span className="num">{typeof v === 'string' ? v : JSON.stringify(v)}</span>
            </span>
          ))}
        </div>
      ) : null}
      {orphan.note ? <p className="orphan-note" data-testid="orphan-note">{orphan.note}</p> : null}
      <div className="orphan-actions">
        <button type="button" onClick={() => findOrphan(index)} disabled={!a.quote} data-testid="orphan-find">
          {t('orphans.find')}
        </button>
        <button type="button" className="primary" onClick={() => void reattachOrphan(index)} disabled={!canAttach || busy !== null} title={canAttach ? t('orphans.reattachTitle') : t('orphans.selectFirst')} data-testid="orphan-reattach">
          {t('orphans.reattach')}
        </button>
        {confirming ? (
          <span className="confirm" role="group" aria-label={t('orphans.dropConfirm')}>
            <span className="small">{t('orphans.dropConfirm')}</span>
            <button type="button" className="danger" onClick={() => void dropOrphan(index).then(() => setConfirming(false))} disabled={busy !== null} data-testid="orphan-drop-yes" autoFocus>
              {t('orphans.drop')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('orphans.keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy !== null} data-testid="orphan-drop">
            {t('orphans.letGo')}
          </button>
        )}
      </div>
    </li>
  );
}
