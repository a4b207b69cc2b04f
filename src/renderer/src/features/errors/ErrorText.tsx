/** An error shown in place (in a dialog or a list), through the one presenter: what happened, what was kept safe, what to do. */
import { useI18n } from '../i18n/i18n';
import { presentError } from './presenter';

export function ErrorText({ error, subject, testId }: { error: unknown; subject?: string; testId?: string }): React.JSX.Element {
  const { lang } = useI18n();
  const p = presentError(error, lang);
  return (
    <div className="error-text" role="alert" data-testid={testId ?? 'error-text'} data-code={p.code}>
      {subject ? <div className="error-subject">{subject}</div> : null}
      <strong>{p.what}</strong> <span>{p.safe}</span> <span>{p.todo}</span>
      {p.detail ? <div className="detail">{p.detail}</div> : null}
    </div>
  );
}
