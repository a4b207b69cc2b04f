/** The one place errors and notices are shown: what happened, what was kept safe, what to do. */
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { presentError } from './presenter';
import { ErrorDetail } from './ErrorText';
import { dismissError, dismissNotice, errorStore } from './store';

export function ErrorPresenter(): React.JSX.Element {
  const { t, lang } = useI18n();
  const { errors, notices } = useStore(errorStore, (s) => s);
  return (
    <div className="toasts" aria-live="polite">
      {errors.map((e) => {
        const p = presentError(e.error, lang);
        return (
          <div key={e.id} className="toast error" role="alert" data-testid="error-toast" data-code={p.code}>
            <div className="t-head">
              <span>{p.what}</span>
              <button type="button" className="icon-btn" onClick={() => dismissError(e.id)} aria-label={t('error.dismiss')} title={t('error.dismiss')}>
                ×
              </button>
            </div>
            <p>{p.safe}</p>
            <p>{p.todo}</p>
            <ErrorDetail detail={p.detail} />
          </div>
        );
      })}
      {notices.filter((n) => !n.brief).map((notice) => {
        const n = notice.words ? { ...notice, ...notice.words(lang) } : notice;
        return (
          <div key={n.id} className="toast" role="status" data-testid="notice">
            <div className="t-head">
              <span>{n.text}</span>
              <button type="button" className="icon-btn" onClick={() => dismissNotice(n.id)} aria-label={t('dialog.close')}>
                ×
              </button>
            </div>
            {n.details?.length ? (
              <details className="notice-details" data-testid="notice-details">
                <summary>{t('importWarning.showList')}</summary>
                <ul className="summary-list">
                  {n.details.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
