/** An error shown in place (in a dialog or a list), through the one presenter: what happened, what was kept safe, what to do. */
import { useI18n } from '../i18n/i18n';
import { presentError } from './presenter';

/** The backend's own (English, technical) message: folded away under "details", never a line of the message itself. */
export function ErrorDetail({ detail }: { detail: string }): React.JSX.Element | null {
  const { t } = useI18n();
  if (!detail) return null;
  return (
    <details className="detail" data-testid="error-detail">
      <summary>{t('error.details')}</summary>
      <span lang="en">{detail}</span>
    </details>
  );
}

export function ErrorText({ error, subject, testId }: { error: unknown; subject?: string; testId?: string }): React.JSX.Element {
  const { lang } = useI18n();
  const p = presentError(error, lang);
  return (
    <div className="error-text" role="alert" data-testid={testId ?? 'error-text'} data-code={p.code}>
      {subject ? <div className="error-subject">{subject}</div> : null}
      <strong>{p.what}</strong> <span>{p.safe}</span> <span>{p.todo}</span>
      <ErrorDetail detail={p.detail} />
    </div>
  );
}
