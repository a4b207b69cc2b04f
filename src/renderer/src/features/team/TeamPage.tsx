/**
 * The Team page (top-level view): sharing the workspace through Syncthing, the assignment of
 * reports to analysts, the agreement matrix, and the adjudication queue.
 */
import { useEffect } from 'react';
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { useI18n } from '../i18n/i18n';
import { AdjudicationPanel } from './AdjudicationPanel';
import { AgreementPanel } from './AgreementPanel';
import { AssignPanel } from './AssignPanel';
import { SyncPanel } from './SyncPanel';
import { type TeamTab, setTab, startTeam, teamStore } from './store';
import './team.css';

const TABS: TeamTab[] = ['sync', 'assign', 'agreement', 'adjudicate'];

export function TeamPage(): React.JSX.Element {
  const { t } = useI18n();
  const tab = useStore(teamStore, (s) => s.tab);
  const hasWorkspace = useStore(workspaceStore, (s) => s.workspace !== null);
  useEffect(() => startTeam(), []);
  const onTabKey = (e: React.KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`team-tab-${next}`)?.focus();
  };
  return (
    <div className="team-page" data-testid="team-page">
      <div className="team-toolbar">
        <h1>{t('team.title')}</h1>
        <div className="team-tabs" role="tablist" aria-label={t('team.title')} onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button
              key={id}
              id={`team-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls={`team-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className={tab === id ? 'on' : undefined}
              onClick={() => setTab(id)}
              data-testid={`team-tab-${id}`}
            >
              {t(`team.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="team-body" role="tabpanel" id={`team-panel-${tab}`} aria-labelledby={`team-tab-${tab}`}>
        {!hasWorkspace ? (
          <p className="muted team-note">{t('team.noWorkspace')}</p>
        ) : tab === 'sync' ? (
          <SyncPanel />
        ) : tab === 'assign' ? (
          <AssignPanel />
        ) : tab === 'agreement' ? (
          <AgreementPanel />
        ) : (
          <AdjudicationPanel />
        )}
      </div>
    </div>
  );
}
