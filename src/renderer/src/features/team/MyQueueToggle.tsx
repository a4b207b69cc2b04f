/**
 * In the report list: "My queue" — show only the reports assigned to me (shown once an
 * assignment is set; without one every report is everyone's). Also starts the team features
 * (layers of the open report, the teammates' event) with the review view.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { queueFilter, setMyQueueFilter, startTeam, teamPrefs, teamStore } from './store';

export function MyQueueToggle(): React.JSX.Element | null {
  const { t, count } = useI18n();
  useEffect(() => startTeam(), []);
  const q = useStore(teamStore, (s) => s.myQueue);
  const on = useStore(teamPrefs, (s) => s.myQueue);
  if (!q || !q.assigned) return null;
  const left = q.documents.filter((d) => !d.done).length;
  return (
    <label className="check small my-queue" title={t('team.queue.title')} data-testid="my-queue">
      <input type="checkbox" checked={on} onChange={(e) => setMyQueueFilter(e.target.checked)} data-testid="my-queue-toggle" />
      {t('team.queue.label', { count: count(q.documents.length), left: count(left) })}
    </label>
  );
}

/** The report ids the list is narrowed to (my queue), or null for every report. */
export function useQueueFilter(): ReadonlySet<string> | null {
  const prefs = useStore(teamPrefs, (s) => s);
  const q = useStore(teamStore, (s) => s.myQueue);
  return useMemo(() => queueFilter(prefs, q), [prefs, q]);
}
