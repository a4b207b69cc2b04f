/**
 * Sharing the workspace through the local Syncthing: this machine's device ID (to give to
 * teammates), adding a teammate's device, sharing the workspace folder with the devices. Where
 * Syncthing is not installed or not running, how to install and start it on this system, in the
 * analyst's language. Errors are messages in place (the service times out: never a spinner
 * forever).
 */
import { useEffect, useState } from 'react';
import type { TeamStatusView } from '../../../../core/team/api';
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { ErrorText } from '../errors/ErrorText';
import { showNotice } from '../errors/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { addDevice, adoptAnalyst, adoptable, loadAnalysts, loadStatus, shareFolder, teamStore } from './store';

export function SyncPanel(): React.JSX.Element {
  const { t } = useI18n();
  const status = useStore(teamStore, (s) => s.status);
  const loading = useStore(teamStore, (s) => s.statusLoading);
  const statusError = useStore(teamStore, (s) => s.statusError);
  useEffect(() => {
    void loadStatus();
  }, []);
  return (
    <div className="team-section sync-panel" data-testid="sync-panel">
      <div className="team-row">
        <h2>{t('team.sync.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => void loadStatus()} disabled={loading} data-testid="sync-refresh">
          {loading ? t('team.sync.checking') : t('team.sync.refresh')}
        </button>
      </div>
      {statusError ? <ErrorText error={statusError} testId="sync-status-error" /> : null}
      {!status && !statusError ? <p className="muted">{t('team.sync.checking')}</p> : null}
      {status ? status.syncthing === 'running' ? <Running status={status} /> : <NotRunning status={status} /> : null}
      <Adopt />
    </div>
  );
}

/** A machine with no work here yet (settings lost, a new computer) may continue as an analyst whose work is in the folder. */
function Adopt(): React.JSX.Element | null {
  const { t } = useI18n();
  const analysts = useStore(teamStore, (s) => s.analysts);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadAnalysts();
  }, []);
  const candidates = adoptable(analysts);
  if (candidates.length === 0) return null;
  const adopt = async (a: (typeof candidates)[number]): Promise<void> => {
    if (typeof window.confirm === 'function' && !window.confirm(t('team.adopt.confirm', { name: a.name }))) return;
    setBusy(true);
    await adoptAnalyst(a);
    setBusy(false);
  };
  return (
    <section className="team-form" data-testid="adopt">
      <h3>{t('team.adopt.title')}</h3>
      <p className="small">{t('team.adopt.intro')}</p>
      <ul className="summary-list">
        {candidates.map((a) => (
          <li key={a.id}>
            <button type="button" disabled={busy} onClick={() => void adopt(a)} data-testid="adopt-analyst" data-analyst={a.id}>
              {t('team.adopt.as', { name: a.name })}
            </button>{' '}
            <span className="muted small">{t('team.adopt.work', { count: a.documents, at: (a.lastActive ?? '').slice(0, 10) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotRunning({ status }: { status: TeamStatusView }): React.JSX.Element {
  const { t } = useI18n();
  const hint = status.installHint;
  const steps = (['apt', 'dnf', 'brew', 'windows'] as const).filter((h) => h === hint || hint === 'other');
  return (
    <div className="sync-state" data-testid="sync-not-running" data-state={status.syncthing} data-code={status.errorCode ?? ''}>
      <p className="sync-headline" role="status">
        <strong>{t(`team.sync.state.${status.syncthing}` as MessageKey)}</strong>
      </p>
      {status.syncthing === 'not-configured' ? (
        <>
          <p>{t('team.install.intro')}</p>
          <ol className="install-steps" data-testid="install-steps" data-hint={hint}>
            {(steps.length > 0 ? steps : (['apt', 'brew', 'windows'] as const)).map((h) => (
              <li key={h}>
                <span>{t(`team.install.${h}` as MessageKey)}</span>
                <code className="path">{t(`team.install.${h}Cmd` as MessageKey)}</code>
              </li>
            ))}
          </ol>
          {hint !== 'other' ? <p className="muted small">{t('team.install.others')}</p> : null}
        </>
      ) : null}
      {status.syncthing !== 'running' ? <p className="muted">{t(`team.sync.todo.${status.syncthing}` as MessageKey)}</p> : null}
    </div>
  );
}

function Running({ status }: { status: TeamStatusView }): React.JSX.Element {
  const { t } = useI18n();
  const busy = useStore(teamStore, (s) => s.actionBusy);
  const actionError = useStore(teamStore, (s) => s.actionError);
  const dir = useStore(workspaceStore, (s) => s.workspace?.dir ?? '');
  const [deviceId, setDeviceId] = useState('');
  const [name, setName] = useState('');
  const copy = (): void => {
    if (!status.deviceId) return;
    void navigator.clipboard?.writeText(status.deviceId).then(
      () => showNotice(t('team.sync.copied'), 2500),
      () => undefined,
    );
  };
  const add = async (): Promise<void> => {
    if (!deviceId.trim()) return;
    // the device is added, then the workspace folder is shared with it (and the teammates it had)
    if ((await addDevice(deviceId, name)) && (await shareFolder([...status.devices.map((d) => d.deviceId), deviceId.trim()]))) {
      showNotice(t('team.sync.added', { name: name.trim() || deviceId.trim().slice(0, 7) }), 4000);
      setDeviceId('');
      setName('');
    }
  };
  const share = async (): Promise<void> => {
    if (await shareFolder(status.devices.map((d) => d.deviceId))) showNotice(t('team.sync.sharedNotice', { count: status.devices.length }), 4000);
  };
  return (
    <div className="sync-state" data-testid="sync-running" data-state="running">
      <p className="sync-headline" role="status">
        <strong>{t('team.sync.state.running')}</strong>
      </p>
      <div className="field">
        <label htmlFor="sync-device-id">{t('team.sync.deviceId')}</label>
        <div className="field-input">
          <div className="team-inline">
            <input id="sync-device-id" className="path device-id" readOnly value={status.deviceId ?? ''} onFocus={(e) => e.target.select()} data-testid="sync-device-id" />
            <button type="button" onClick={copy} disabled={!status.deviceId} data-testid="sync-copy">
              {t('team.sync.copy')}
            </button>
          </div>
          <span className="hint">{t('team.sync.deviceIdHint')}</span>
        </div>
      </div>
      <form
        className="team-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <h3>{t('team.sync.addTitle')}</h3>
        <div className="field">
          <label htmlFor="sync-add-id">{t('team.sync.teammateId')}</label>
          <div className="field-input">
            <input id="sync-add-id" className="path" value={deviceId} placeholder="XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX-XXXXXXX" spellCheck={false} onChange={(e) => setDeviceId(e.target.value)} data-testid="sync-add-id" />
          </div>
        </div>
        <div className="field">
          <label htmlFor="sync-add-name">{t('team.sync.teammateName')}</label>
          <div className="field-input team-inline">
            <input id="sync-add-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="sync-add-name" />
            <button type="submit" className="primary" disabled={busy || !deviceId.trim()} data-testid="sync-add">
              {t('team.sync.addShare')}
            </button>
          </div>
        </div>
      </form>
      <section className="team-form">
        <h3>{t('team.sync.folderTitle')}</h3>
        <p className="small">
          <span className="path">{dir}</span> · {t('team.sync.folderId', { id: status.folderId })}
        </p>
        <p data-testid="sync-folder-state" data-shared={status.folderShared ? 'yes' : 'no'}>
          {status.folderShared ? t('team.sync.folderShared', { state: status.folderState ?? '—' }) : t('team.sync.folderNotShared')}
        </p>
        {status.devices.length > 0 ? (
          <ul className="summary-list" data-testid="sync-devices">
            {status.devices.map((d) => (
              <li key={d.deviceId} data-testid="sync-device">
                <span className={d.connected ? 'dot on' : 'dot'} aria-hidden="true" /> {d.name || d.deviceId.slice(0, 7)} · <span className="muted">{t(d.connected ? 'team.sync.connected' : 'team.sync.disconnected')}</span>
                {d.completion !== null ? <span className="muted num"> · {t('team.sync.completion', { pct: Math.round(d.completion) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('team.sync.noDevices')}</p>
        )}
        <button type="button" onClick={() => void share()} disabled={busy} data-testid="sync-share">
          {status.folderShared ? t('team.sync.shareAgain') : t('team.sync.share')}
        </button>
      </section>
      {actionError ? <ErrorText error={actionError} testId="sync-action-error" /> : null}
    </div>
  );
}
