/**
 * In the inspector, under the finding's header: the teammates' decisions on the selected
 * finding, one compact line each (name, status, the kind, value and unit they gave; ≠ where it
 * differs from the analyst's own decision), with the analyst filter and "my work only". Nothing
 * shows in a workspace without teammates.
 */
import { useEffect } from 'react';
import type { TeamDecision } from '../../../../core/team/api';
import { useStore } from '../../lib/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { figureValueText } from '../inspector/figure-value';
import { otherFields, sameDecision, visibleDecisions } from './layers';
import { findingSpan } from '../../../../core/document/findings';
import { reportStore, showSpan } from '../report/store';
import { setLayerFilter, startTeam, teamPrefs, teamStore } from './store';
import './team.css';

export function TeamLayers({ findingId, type }: { findingId: string; type: string }): React.JSX.Element | null {
  const { t } = useI18n();
  useEffect(() => startTeam(), []);
  const layers = useStore(teamStore, (s) => s.layers?.layers);
  const decisions = useStore(teamStore, (s) => s.layers?.decisions[findingId]);
  const filter = useStore(teamPrefs, (s) => s.layerFilter);
  const teammates = (layers ?? []).filter((l) => !l.isMe);
  if (!layers || teammates.length === 0) return null;
  const shown = visibleDecisions(decisions, layers, filter);
  const me = layers.find((l) => l.isMe)?.analyst;
  const mine = decisions?.find((d) => d.analyst === me && d.status !== 'suggested');
  const name = (id: string): string => layers.find((a) => a.analyst === id)?.name ?? id;
  const undecided = filter.mineOnly ? [] : teammates.filter((l) => (filter.analyst === 'all' || l.analyst === filter.analyst) && !shown.some((d) => d.analyst === l.analyst));
  return (
    <section className="team-layers field-group" data-testid="team-layers" aria-label={t('team.layers.title')}>
      <div className="team-layers-head">
        <h3>{t('team.layers.title')}</h3>
        <select
          aria-label={t('team.layers.filter')}
          title={t('team.layers.filter')}
          value={teammates.some((l) => l.analyst === filter.analyst) ? filter.analyst : 'all'}
          disabled={filter.mineOnly}
          onChange={(e) => setLayerFilter({ analyst: e.target.value })}
          data-testid="layer-filter"
        >
          <option value="all">{t('team.layers.allAnalysts')}</option>
          {teammates.map((a) => (
            <option key={a.analyst} value={a.analyst}>
              {a.name}
            </option>
          ))}
        </select>
        <label className="check small" title={t('team.layers.mineOnlyTitle')}>
          <input type="checkbox" checked={filter.mineOnly} onChange={(e) => setLayerFilter({ mineOnly: e.target.checked })} data-testid="layer-mine-only" />
          {t('team.layers.mineOnly')}
        </label>
      </div>
      {filter.mineOnly ? null : (
        <ul className="team-decisions" data-testid="layer-decisions">
          {shown.map((d) => (
            <DecisionLine key={d.analyst} d={d} type={type} name={name(d.analyst)} differs={mine !== undefined && !sameDecision(d, mine)} />
          ))}
          {undecided.length > 0 ? (
            <li className="muted small" data-testid="layer-undecided">
              {t('team.layers.undecided', { names: undecided.map((l) => l.name).join(t('team.listSep')) })}
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

export function DecisionLine({ d, type, name, differs }: { d: TeamDecision; type: string; name: string; differs: boolean }): React.JSX.Element {
  const { t } = useI18n();
  return (
    <li className="team-decision" data-testid="layer-decision" data-analyst={d.analyst} data-status={d.status} title={d.note ? `${name}: ${d.note}` : name}>
      <span className="who">{name}</span>
      <span className={`badge st-${d.status}`}>{t(`status.${d.status}` as MessageKey)}</span>
      <DecisionValues d={d} type={type} />
      {differs ? (
        <span className="differs" title={t('team.layers.differs')} aria-label={t('team.layers.differs')} data-testid="layer-differs">
          ≠
        </span>
      ) : null}
    </li>
  );
}

/** What an asserted decision says: kind · value unit (figures), and other corrected fields. */
export function DecisionValues({ d, type }: { d: TeamDecision; type: string }): React.JSX.Element | null {
  const { t, num } = useI18n();
  if (d.status === 'rejected' || d.status === 'suggested') return null;
  const kindKey = `kind.${d.kind}`;
  const parts: string[] = [isMessageKey(kindKey) ? t(kindKey) : d.kind];
  if (type === 'figure') parts.push(d.value === null ? '—' : `${figureValueText(d.value, d.kind, num, d.unit)}${d.unit ? ` ${d.unit}` : ''}`);
  for (const [k, v] of otherFields(d.fields)) parts.push(`${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return (
    <span className="vals num" data-testid="layer-values">
      {parts.join(' · ')}
    </span>
  );
}

/**
 * Findings teammates added by hand that are not in my view (I did not add them): who added which
 * words, and their decision; a click shows the place in the report. Folded by default; hidden by
 * "my work only" and by the analyst filter like the decisions.
 */
export function TeamAdded(): React.JSX.Element | null {
  const { t } = useI18n();
  const view = useStore(teamStore, (s) => s.layers);
  const filter = useStore(teamPrefs, (s) => s.layerFilter);
  const index = useStore(reportStore, (s) => s.model?.index);
  if (!view || filter.mineOnly || !index || view.documentId !== reportStore.get().docId) return null;
  const added = view.findings.filter((f) => filter.analyst === 'all' || f.analyst === filter.analyst);
  if (added.length === 0) return null;
  const name = (id: string): string => view.layers.find((l) => l.analyst === id)?.name ?? id;
  return (
    <details className="team-added field-group" data-testid="team-added">
      <summary className="small">{t('team.layers.added', { count: added.length })}</summary>
      <ul className="team-decisions">
        {added.map(({ analyst, finding }) => {
          const span = findingSpan(finding);
          const d = view.decisions[finding.id]?.find((x) => x.analyst === analyst);
          return (
            <li key={`${analyst}:${finding.id}`} className="team-decision" data-testid="team-added-item">
              <span className="who">{name(analyst)}</span>
              <button type="button" className="link" onClick={() => showSpan(span)} title={t('team.layers.showPlace')}>
                「{index.slice(span.start, span.end)}」
              </button>
              {d ? (
                <>
                  <span className={`badge st-${d.status}`}>{t(`status.${d.status}` as MessageKey)}</span>
                  <DecisionValues d={d} type={finding.type} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
