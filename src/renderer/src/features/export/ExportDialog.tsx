/**
 * File → Export… (Ctrl+E): format, filter, target (the native save dialog, or a path field in
 * browser mode), progress with cancel, and what was written — in the user's language.
 */
import { useEffect } from 'react';
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { getMode } from '../documents/store';
import { ErrorText } from '../errors/ErrorText';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { closeOverlay, uiStore } from '../layout/ui';
import { withKeys } from '../shortcuts/keys';
import { EXPORT_FILTERS, EXPORT_FORMATS, isFolderFormat } from './formats';
import { cancelExport, chooseTarget, exportStore, prepareExport, resultHeadline, runExport, setExportOptions } from './store';
import './export.css';
// team:
import { ExportLayerField } from '../team/ExportLayerField';

const MAX_FILES_LISTED = 12;

export function ExportDialog(): React.JSX.Element | null {
  const overlay = useStore(uiStore, (s) => s.overlay);
  if (overlay !== 'export') return null;
  return <ExportDialogBody />;
}

function ExportDialogBody(): React.JSX.Element {
  const { t, count } = useI18n();
  const s = useStore(exportStore, (x) => x);
  const desktop = getMode() === 'desktop';
  const folder = isFolderFormat(s.format);
  useEffect(() => prepareExport(), []);
  const canRun = !s.running && s.out.trim() !== '';
  const pct = s.progress && s.progress.total > 0 ? (100 * s.progress.done) / s.progress.total : 0;
  return (
    <Dialog
      title={t('export.title')}
      onClose={closeOverlay}
      testId="export-dialog"
      footer={
        <>
          {s.running ? (
            <button type="button" className="danger" onClick={() => void cancelExport()} data-testid="export-cancel">
              {t('export.cancel')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" onClick={closeOverlay}>
            {t('dialog.close')}
          </button>
          <button type="button" className="primary" disabled={!canRun} onClick={() => void runExport()} title={withKeys(t('export.run'), 'export')} data-testid="export-run">
            {t('export.run')}
          </button>
        </>
      }
    >
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canRun) void runExport();
        }}
      >
        <div className="field">
          <label htmlFor="export-format">{t('export.format')}</label>
          <div className="field-input">
            <select id="export-format" value={s.format} disabled={s.running} onChange={(e) => setExportOptions({ format: e.target.value as (typeof EXPORT_FORMATS)[number] })} data-testid="export-format">
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`export.format.${f}` as MessageKey)}
                </option>
              ))}
            </select>
            <span className="hint">{t(`export.formatHint.${s.format}` as MessageKey)}</span>
          </div>
        </div>
        <fieldset className="export-filter" disabled={s.running}>
          <legend>{t('export.filter')}</legend>
          <div className="field-input" role="radiogroup" aria-label={t('export.filter')}>
            {EXPORT_FILTERS.map((f) => (
              <label key={f} className="radio">
                <input type="radio" name="export-filter" value={f} checked={s.filter === f} onChange={() => setExportOptions({ filter: f })} data-testid={`export-filter-${f}`} />
                <span>
                  {t(`export.filter.${f}` as MessageKey)}
                  <span className="hint">{t(`export.filterHint.${f}` as MessageKey)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {/* team: */}
        <ExportLayerField disabled={s.running} />
        <div className="field">
          <label htmlFor="export-out">{t(folder ? 'export.targetFolder' : 'export.targetFile')}</label>
          <div className="field-input">
            <div className="export-target">
              <input
                id="export-out"
                className="full"
                value={s.out}
                readOnly={desktop}
                disabled={s.running}
                placeholder={desktop ? t('export.noTarget') : t(folder ? 'export.folderPlaceholder' : 'export.filePlaceholder')}
                onChange={(e) => setExportOptions({ out: e.target.value })}
                spellCheck={false}
                data-testid="export-out"
              />
              {desktop ? (
                <button type="button" onClick={() => void chooseTarget()} disabled={s.running} data-testid="export-choose">
                  {t('export.choose')}
                </button>
              ) : null}
            </div>
            <span className="hint">{desktop ? t('export.targetHintDesktop') : t('export.targetHintBrowser')}</span>
          </div>
        </div>
      </form>
      {s.running && s.progress ? (
        <div className="progress export-progress" data-testid="export-progress">
          <span className="num">{s.progress.total > 0 ? t('export.progress', { done: s.progress.done, total: s.progress.total }) : t('export.starting')}</span>
          <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={s.progress.total} aria-valuenow={s.progress.done} aria-label={t('export.title')}>
            <div style={{ width: `${pct}%` }} />
          </div>
          {s.progress.current ? <span className="current">{s.progress.current}</span> : null}
        </div>
      ) : null}
      {s.result ? (
        <section className="export-result" data-testid="export-result" aria-live="polite">
          <p className="summary-headline">
            {s.result.failed.length === 0 ? '✓ ' : ''}
            {resultHeadline(s.result)}
          </p>
          <p className="muted small">{t('export.resultDetail', { documents: count(s.result.documents), findings: count(s.result.findings), filter: t(`export.filter.${s.result.filter}` as MessageKey) })}</p>
          <ul className="summary-list files" data-testid="export-files">
            {s.result.files.slice(0, MAX_FILES_LISTED).map((f) => (
              <li key={f} className="path">
                {f}
              </li>
            ))}
            {s.result.files.length > MAX_FILES_LISTED ? <li className="muted">{t('export.moreFiles', { count: s.result.files.length - MAX_FILES_LISTED })}</li> : null}
          </ul>
          {s.result.failed.length > 0 ? (
            <>
              <h3>{t('export.failedList', { count: s.result.failed.length })}</h3>
              <ul className="summary-list failures" data-testid="export-failed">
                {s.result.failed.map((f) => (
                  <li key={f.id}>
                    <ErrorText error={f.error} subject={f.name} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {s.error ? <ErrorText error={s.error} testId="export-error" /> : null}
    </Dialog>
  );
}
