/**
 * "Apply to the N findings like this one": opened by one key after a decision; the scope (this
 * report or the workspace), the count and a preview; Enter applies (one undo step, in every report it reaches).
 */
import { useEffect } from 'react';
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { fieldsWords, kindWord } from './describe';
import { type LikeScope, applyLike, closeLike, likeStore, setLikeScope } from './store';

export function LikeDialog(): React.JSX.Element | null {
  const { t } = useI18n();
  const s = useStore(likeStore, (x) => x);
  const open = s.open;
  useEffect(() => {
    if (!open) return;
    // Enter applies wherever the focus is in the dialog (but on Cancel)
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const target = e.target as HTMLElement | null;
      if (!target?.closest('[data-testid="like-dialog"]') || target.closest('[data-testid="like-cancel"]')) return;
      e.preventDefault();
      e.stopPropagation();
      void applyLike();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open]);
  if (!s.open) return null;
  const p = s.preview;
  const decision = p ? (p.decision.status === 'rejected' ? t('like.decision.reject') : p.decision.fields ? t('like.decision.fields', { fields: fieldsWords(p.decision.fields) }) : t('like.decision.status', { status: t(`status.${p.decision.status ?? 'accepted'}` as 'status.accepted') })) : '';
  const scopeButton = (scope: LikeScope, label: string): React.JSX.Element => (
    <button type="button" role="radio" aria-checked={s.scope === scope} className={s.scope === scope ? 'on' : undefined} onClick={() => setLikeScope(scope)} data-testid={`like-scope-${scope}`}>
      {label}
    </button>
  );
  return (
    <Dialog
      title={t('like.title')}
      onClose={closeLike}
      testId="like-dialog"
      wide
      footer={
        <>
          <button type="button" onClick={closeLike} data-testid="like-cancel">{t('rules.cancel')}</button>
          <button type="button" className="primary" autoFocus disabled={!p || p.count === 0 || s.applying} onClick={() => void applyLike()} data-testid="like-apply">
            {t('like.apply', { count: p?.count ?? 0 })} (Enter)
          </button>
        </>
      }
    >
      <div>
        <div className="like-scope" role="radiogroup" aria-label={t('like.scope')}>
          {scopeButton('report', t('like.scope.report'))}
          {scopeButton('workspace', t('like.scope.workspace'))}
        </div>
        {!p ? (
          <p className="muted">{t('rules.loading')}</p>
        ) : (
          <>
            <p data-testid="like-count">{t('like.count', { count: p.count, documents: p.documents })}</p>
            <p className="muted">{decision}</p>
            {p.rule ? <p className="muted" data-testid="like-rule">{t('like.rule')}</p> : <p className="muted">{t('like.noRule')}</p>}
            {p.items.length > 0 && (
              <ul className="like-preview" data-testid="like-preview">
                {p.items.map((i) => {
                  const kind = (i.before.data as { kind?: string } | null)?.kind;
                  return (
                    <li key={`${i.documentId}/${i.findingId}`}>
                      <span className="like-text">{i.text}</span> {kind && <span className="muted">{kindWord(kind)}</span>} <span className="muted">{i.documentName}</span> → {t(`status.${i.after.status}` as 'status.accepted')}
                    </li>
                  );
                })}
              </ul>
            )}
            {p.count > p.items.length && <p className="muted">{t('like.more', { count: p.count - p.items.length })}</p>}
          </>
        )}
      </div>
    </Dialog>
  );
}
