/** After Open folder… / Add files…: each file that failed with its error (through the one presenter), then what was imported; the dialog body scrolls them all, with a visible scrollbar. */
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { ErrorText } from '../errors/ErrorText';
import { useI18n } from '../i18n/i18n';
import { openDocument } from '../report/store';
import { type ImportResult, dismissImportResult, workspaceStore } from './store';

export function ImportSummary(): React.JSX.Element | null {
  const result = useStore(workspaceStore, (s) => s.importResult);
  if (!result) return null;
  return <ImportSummaryBody result={result} />;
}

function ImportSummaryBody({ result }: { result: ImportResult }): React.JSX.Element {
  const { t } = useI18n();
  const { imported, failed } = result;
  const headline = result.cancelled
    ? t('import.cancelled', { imported: imported.length })
    : result.kind === 'folder'
      ? t('import.folderDone', { imported: imported.length, failed: failed.length })
      : t('import.done', { imported: imported.length, failed: failed.length });
  return (
    <Dialog
      title={t(result.kind === 'folder' ? 'import.folderTitle' : 'import.title')}
      onClose={dismissImportResult}
      testId="import-summary"
      footer={
        <button type="button" className="primary" onClick={dismissImportResult} autoFocus data-testid="import-summary-ok">
          {t('dialog.ok')}
        </button>
      }
    >
      <p className="summary-headline" data-testid="import-headline">
        {headline}
      </p>
      {result.dir ? <p className="muted small path">{result.dir}</p> : null}
      {failed.length > 0 ? (
        <section className="summary-section">
          <h3>{t('import.failedList', { count: failed.length })}</h3>
          <ul className="summary-list failures import-list" data-testid="import-failed">
            {failed.map((f, i) => (
              <li key={`${f.path}:${i}`}>
                <ErrorText error={f.error} subject={f.path} testId="import-failure" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.warnings?.length ? (
        <section className="summary-section">
          <h3>{t('importWarning.title', { count: result.warnings.length })}</h3>
          <ul className="summary-list import-list" data-testid="import-warnings">
            {result.warnings.map((w, i) => (
              <li key={`${w.path}:${i}`}>
                <span className="path">{w.path.split(/[\\/]/).pop()}</span>: {t(`importWarning.${w.warning.code}`, w.warning.params)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {imported.length > 0 ? (
        <section className="summary-section">
          <h3>{t('import.importedList', { count: imported.length })}</h3>
          <ul className="summary-list import-list" data-testid="import-imported">
            {imported.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    dismissImportResult();
                    void openDocument(d.id);
                  }}
                >
                  {d.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
