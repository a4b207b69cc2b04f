/** After Open folder… / Add files…: each file that failed with its error (through the one presenter), then what was imported; the dialog body scrolls them all, with a visible scrollbar. */
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { ErrorText } from '../errors/ErrorText';
import { useI18n } from '../i18n/i18n';
import { openDocument } from '../report/store';
import { type ImportResult, dismissImportResult, workspaceStore } from './store';
import { byFile, fileName, warningWords } from './warning-words';

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
      {result.warnings?.length ? <WarningsSection warnings={result.warnings} imported={imported.length} cancelled={result.cancelled} /> : null}
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

/** Files opened at once in the warnings list; more than this and each file's list is closed until clicked. */
const OPEN_FILES_MAX = 3;

/**
 * warn-s7: the import's warnings as one section — "M of N imported files have import notes (K)" —
 * grouped by file (each file's notes behind its name, open when there are few files), each note
 * worded from its code with the library's own text only as a collapsed technical detail.
 */
function WarningsSection({ warnings, imported, cancelled }: { warnings: NonNullable<ImportResult['warnings']>; imported: number; cancelled: boolean }): React.JSX.Element {
  const { t, lang } = useI18n();
  const groups = byFile(warnings);
  const files = groups.length;
  const head = cancelled || imported < files ? t('importWarning.filesWithCancelled', { files, count: warnings.length }) : t('importWarning.filesWith', { files, imported, count: warnings.length });
  return (
    <section className="summary-section">
      <h3 data-testid="import-warnings-head">{head}</h3>
      <ul className="summary-list import-list" data-testid="import-warnings">
        {groups.map((g) => (
          <li key={g.path} data-testid="import-warning-file">
            <details open={files <= OPEN_FILES_MAX}>
              <summary>
                <span className="path">{fileName(g.path)}</span> <span className="muted small">{t('importWarning.fileCount', { count: g.items.length })}</span>
              </summary>
              <ul className="warning-notes">
                {g.items.map((w, i) => {
                  const words = warningWords(w.warning, lang);
                  return (
                    <li key={i} data-testid="import-warning">
                      <span data-testid="import-warning-text">{words.text}</span>
                      {words.detail ? (
                        <details className="muted small technical">
                          <summary>{t('importWarning.technical')}</summary>
                          <code data-testid="import-warning-detail">{words.detail}</code>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
