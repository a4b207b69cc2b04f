/** Workspace name, save state (never lies: see saveState.ts), the open report's encoding and position. */
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { EncodingMenu } from '../encoding/EncodingMenu';
import { presentError } from '../errors/presenter';
import { dismissNotice, errorStore } from '../errors/store';
import { useI18n } from '../i18n/i18n';
import { filterStore } from '../report/filters';
import { currentNav, reportStore } from '../report/store';
import { displayedState, saveStore } from './saveState';
import './statusbar.css';

export function StatusBar(): React.JSX.Element {
  const { t, lang, count } = useI18n();
  const ws = useStore(workspaceStore, (s) => s.workspace);
  const save = useStore(saveStore, (s) => s);
  const meta = useStore(reportStore, (s) => s.meta);
  const selectedId = useStore(reportStore, (s) => s.selectedId);
  useStore(reportStore, (s) => s.reviews);
  // the position counts the findings the filters let through
  useStore(filterStore, (s) => s);
  const notices = useStore(errorStore, (s) => s.notices);
  const state = displayedState(save);
  // the navigation index is built on the first j, not for the status bar of a fresh report
  const nav = selectedId ? currentNav() : null;
  const pos = selectedId && nav ? nav.pos.get(selectedId) : undefined;
  let saveText: string;
  if (state === 'error') {
    const p = presentError(save.error ?? { code: 'internal', message: '' }, lang);
    saveText = t('save.error', { message: `${p.what} ${p.todo}` });
  } else if (state === 'saving') saveText = t('save.saving');
  else if (state === 'saved') saveText = t('save.saved');
  else saveText = ws ? t('save.saved') : t('save.idle');
  return (
    <footer className="statusbar" role="status">
      <span data-testid="status-workspace">{ws ? t('status.workspace', { name: ws.isSample ? t('status.sample') : ws.name }) : t('save.idle')}</span>
      <span className={`save save-${state}`} data-testid="save-state" data-state={state} title={save.lastSavedAt ?? ''}>
        {saveText}
      </span>
      <span className="status-notices" aria-live="polite">
        {notices.filter((n) => n.brief).map((n) => (
          <span key={n.id} className="status-notice" role="status" data-testid="notice" title={n.text}>
            <span className="sn-text">{n.text}</span>
            <button type="button" className="icon-btn" onClick={() => dismissNotice(n.id)} aria-label={t('dialog.close')}>
              ×
            </button>
          </span>
        ))}
      </span>
      {meta && nav && pos !== undefined ? <span className="num">{t('status.position', { index: count(pos + 1), count: count(nav.list.length) })}</span> : null}
      {meta ? <EncodingMenu key={meta.id} meta={meta} /> : null}
    </footer>
  );
}
