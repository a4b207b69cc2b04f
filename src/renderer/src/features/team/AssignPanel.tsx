/**
 * Assignment: which analysts review which reports. The analysts taking part, the overlap share
 * (reports a second analyst also reviews, for measuring agreement), an even split planned by the
 * service (core/team/assign), and changes by hand per report. Each analyst's load is shown; the
 * report list's "my queue" filter shows the analyst their own.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { useI18n } from '../i18n/i18n';
import { limitRows } from './limit';
import { loadAnalysts, loadAssignment, saveAssignment, teamStore } from './store';

export function AssignPanel(): React.JSX.Element {
  const { t, count } = useI18n();
  const analysts = useStore(teamStore, (s) => s.analysts);
  const assignment = useStore(teamStore, (s) => s.assignment);
  const docs = useStore(workspaceStore, (s) => s.workspace?.documents);
  useEffect(() => {
    void loadAnalysts();
    void loadAssignment();
  }, []);
  // the form starts from the assignment in force (or everyone, no overlap)
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [overlapPct, setOverlapPct] = useState<string | null>(null);
  const [manual, setManual] = useState<Record<string, string[]> | null>(null);
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState('');
  const inPlan = chosen ?? (assignment && assignment.setBy !== null ? assignment.analysts : analysts.map((a) => a.id));
  const pct = overlapPct ?? String(Math.round((assignment?.setBy ? assignment.overlap : 0.1) * 100));
  const pctNum = Number(pct);
  const pctValid = pct.trim() !== '' && Number.isFinite(pctNum) && pctNum >= 0 && pctNum <= 100;
  const byHand = manual ?? assignment?.manual ?? {};
  const dirty = chosen !== null || overlapPct !== null || manual !== null;
  const name = (id: string): string => analysts.find((a) => a.id === id)?.name ?? id;
  const sortedDocs = useMemo(() => [...(docs ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), [docs]);
  const rows = useMemo(() => limitRows(sortedDocs, query, (d) => d.name), [sortedDocs, query]);
  const loads = useMemo(() => {
    const m = new Map<string, number>();
    for (const [a, q] of Object.entries(assignment?.queues ?? {})) m.set(a, q.length);
    return m;
  }, [assignment]);

  const save = async (): Promise<void> => {
    if (!pctValid || inPlan.length === 0) return;
    setSaving(true);
    // hand-set reports name only analysts who exist; an empty choice returns the report to the plan
    const cleaned = Object.fromEntries(Object.entries(byHand).filter(([, as]) => as.length > 0));
    const ok = await saveAssignment({ analysts: inPlan, overlap: pctNum / 100, manual: cleaned });
    setSaving(false);
    if (ok) {
      setChosen(null);
      setOverlapPct(null);
      setManual(null);
    }
  };

  const toggleAnalyst = (id: string, on: boolean): void => setChosen(on ? [...inPlan.filter((a) => a !== id), id] : inPlan.filter((a) => a !== id));
  const toggleHand = (docId: string, analyst: string): void => {
    const cur = byHand[docId] ?? assignment?.byDoc[docId] ?? [];
    const next = cur.includes(analyst) ? cur.filter((a) => a !== analyst) : [...cur, analyst];
    setManual({ ...byHand, [docId]: next });
  };

  return (
    <div className="team-section assign-panel" data-testid="assign-panel">
      <div className="team-row">
        <h2>{t('team.assign.title')}</h2>
        <span className="muted small">
          {assignment?.setBy ? t('team.assign.setBy', { name: name(assignment.setBy), at: (assignment.setAt ?? '').slice(0, 16).replace('T', ' ') }) : t('team.assign.none')}
        </span>
      </div>
      <form
        className="team-form assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('team.assign.analysts')}</legend>
          <div className="assign-analysts">
            {analysts.map((a) => (
              <label key={a.id} className="check">
                <input type="checkbox" checked={inPlan.includes(a.id)} onChange={(e) => toggleAnalyst(a.id, e.target.checked)} data-testid="assign-analyst" data-analyst={a.id} />
                {a.isMe ? t('team.me', { name: a.name }) : a.name}
                <span className="muted num small">{t('team.assign.load', { count: count(loads.get(a.id) ?? 0) })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="assign-overlap">{t('team.assign.overlap')}</label>
          <div className="field-input">
            <div className="team-inline">
              <input id="assign-overlap" className="num overlap" inputMode="decimal" value={pct} onChange={(e) => setOverlapPct(e.target.value)} aria-invalid={!pctValid} data-testid="assign-overlap" />
              <span>%</span>
            </div>
            <span className="hint">{pctValid ? t('team.assign.overlapHint') : t('team.assign.overlapInvalid')}</span>
          </div>
        </div>
        <div className="team-inline">
          <button type="submit" className="primary" disabled={saving || !pctValid || inPlan.length === 0} data-testid="assign-save">
            {t('team.assign.save')}
          </button>
          {dirty ? (
            <button
              type="button"
              onClick={() => {
                setChosen(null);
                setOverlapPct(null);
                setManual(null);
              }}
            >
              {t('team.assign.discard')}
            </button>
          ) : null}
          <span className="muted small">{t('team.assign.saveHint')}</span>
        </div>
      </form>
      <div className="team-row">
        <h3>{t('team.assign.reports', { count: count(sortedDocs.length) })}</h3>
        <input type="search" value={query} placeholder={t('docs.filter')} aria-label={t('docs.filter')} onChange={(e) => setQuery(e.target.value)} data-testid="assign-filter" />
        {rows.matched > rows.shown.length ? <span className="muted small">{t('team.more', { shown: count(rows.shown.length), matched: count(rows.matched) })}</span> : null}
      </div>
      <div className="visible-scroll assign-table-wrap">
        <table className="team-table assign-table" data-testid="assign-table">
          <thead>
            <tr>
              <th scope="col">{t('team.assign.report')}</th>
              {inPlan.map((a) => (
                <th key={a} scope="col">
                  {name(a)}
                </th>
              ))}
              <th scope="col">{t('team.assign.byHand')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((d) => {
              const hand = byHand[d.id];
              const who = hand ?? assignment?.byDoc[d.id] ?? [];
              return (
                <tr key={d.id} data-testid="assign-row" data-doc-id={d.id}>
                  <th scope="row" className="doc-name">
                    {d.name}
                  </th>
                  {inPlan.map((a) => (
                    <td key={a}>
                      <input
                        type="checkbox"
                        checked={who.includes(a)}
                        onChange={() => toggleHand(d.id, a)}
                        aria-label={t('team.assign.cell', { report: d.name, name: name(a) })}
                        data-testid="assign-cell"
                        data-analyst={a}
                      />
                    </td>
                  ))}
                  <td className="muted small">{hand ? (hand.length === 0 ? t('team.assign.backToPlan') : t('team.assign.handSet')) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
