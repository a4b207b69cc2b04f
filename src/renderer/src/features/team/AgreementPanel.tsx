/**
 * Agreement between the analysts: an analyst × analyst matrix of one measure (span F1, or
 * Krippendorff's alpha on status, unit, value, kind) for one kind or all kinds, pooled over the
 * reports each pair both reviewed; the reports they share listed under it, each opening its own
 * matrix (drill-down).
 */
import { useEffect, useMemo, useState } from 'react';
import type { AgreementMeasure } from '../../../../core/team';
import type { TeamAgreementView } from '../../../../core/team/api';
import { useStore } from '../../lib/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { cellsOf, formatMeasure, measuresFor, pairFigure } from './matrix';
import { limitRows } from './limit';
import { loadAgreement, setAgreementDoc, setAgreementMeasure, teamStore } from './store';

export function AgreementPanel(): React.JSX.Element {
  const { t, count } = useI18n();
  const view = useStore(teamStore, (s) => s.agreement);
  const loading = useStore(teamStore, (s) => s.agreementLoading);
  const kind = useStore(teamStore, (s) => s.agreementKind);
  const measure0 = useStore(teamStore, (s) => s.agreementMeasure);
  const docId = useStore(teamStore, (s) => s.agreementDoc);
  const docView = useStore(teamStore, (s) => s.agreementDocView);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void loadAgreement();
  }, []);
  const rows = useMemo(() => limitRows(view?.perDocument ?? [], query, (d) => d.name), [view, query]);
  const measures = measuresFor(kind);
  const measure: AgreementMeasure = measures.includes(measure0) ? measure0 : 'f1';
  const kindName = (k: string): string => (k === 'all' ? t('team.agree.allKinds') : isMessageKey(`kind.${k}`) ? t(`kind.${k}` as MessageKey) : k);
  const doc = view && docId ? view.perDocument.find((d) => d.documentId === docId) : undefined;
  // the list's figures are pooled over all kinds (the per-report rows carry 'all'); α value exists per kind only
  const listMeasure: AgreementMeasure = measure === 'value' ? 'f1' : measure;
  return (
    <div className="team-section agreement-panel" data-testid="agreement-panel">
      <div className="team-row">
        <h2>{t('team.agree.title')}</h2>
        <label className="team-inline">
          <span className="muted">{t('team.agree.kind')}</span>
          <select value={kind} onChange={(e) => void loadAgreement(e.target.value)} data-testid="agree-kind">
            <option value="all">{t('team.agree.allKinds')}</option>
            {(view?.kinds ?? []).map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>
        <div className="view-switch" role="group" aria-label={t('team.agree.measure')}>
          {measures.map((m) => (
            <button key={m} type="button" className={m === measure ? 'on' : undefined} aria-pressed={m === measure} onClick={() => setAgreementMeasure(m)} title={t(`team.agree.measureHint.${m}` as MessageKey)} data-testid={`agree-measure-${m}`}>
              {t(`team.agree.measure.${m}` as MessageKey)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => void loadAgreement()} disabled={loading} data-testid="agree-refresh">
          {loading ? t('app.loading') : t('team.agree.refresh')}
        </button>
      </div>
      {view ? (
        <>
          <p className="muted small" data-testid="agree-summary">
            {t('team.agree.summary', { reports: count(view.documents), shared: count(view.perDocument.length), ms: Math.round(view.ms) })}
          </p>
          {view.analysts.length < 2 ? (
            <p className="muted">{t('team.agree.fewAnalysts')}</p>
          ) : (
            <Matrix view={view} matrix={view.matrices[measure]} testId="agree-matrix" caption={t('team.agree.caption', { measure: t(`team.agree.measure.${measure}` as MessageKey), kind: kindName(kind) })} />
          )}
          <p className="muted small legend">
            <span className="band-swatch band-high">≥ 0.80</span> <span className="band-swatch band-mid">≥ 0.67</span> <span className="band-swatch band-low">&lt; 0.67</span> {t('team.agree.legend')}
          </p>
          <div className="team-row">
            <h3>
              {t('team.agree.perReport')} <span className="muted small">({t('team.agree.caption', { measure: t(`team.agree.measure.${listMeasure}` as MessageKey), kind: t('team.agree.allKinds') })})</span>
            </h3>
            <input type="search" value={query} placeholder={t('docs.filter')} aria-label={t('docs.filter')} onChange={(e) => setQuery(e.target.value)} data-testid="agree-filter" />
            {rows.matched > rows.shown.length ? <span className="muted small">{t('team.more', { shown: count(rows.shown.length), matched: count(rows.matched) })}</span> : null}
          </div>
          {view.perDocument.length === 0 ? (
            <p className="muted">{t('team.agree.noShared')}</p>
          ) : (
            <div className="agree-docs">
              <ul className="agree-doc-list visible-scroll" role="listbox" aria-label={t('team.agree.perReport')} data-testid="agree-docs">
                {rows.shown.map((d) => (
                  <li key={d.documentId} role="option" aria-selected={d.documentId === docId}>
                    <button type="button" className={d.documentId === docId ? 'doc-item open' : 'doc-item'} onClick={() => setAgreementDoc(d.documentId === docId ? null : d.documentId)} data-testid="agree-doc" data-doc-id={d.documentId}>
                      <span className="doc-name">{d.name}</span>
                      <span className="muted small num">
                        {d.pairs.map((p) => `${view.names[p.a] ?? p.a}–${view.names[p.b] ?? p.b} ${formatMeasure(pairFigure(p, 'all', listMeasure))}`).join(' · ')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {doc ? (
                <div className="agree-doc-detail" data-testid="agree-doc-detail">
                  <h4>{doc.name}</h4>
                  {docView ? (
                    <Matrix view={docView} matrix={docView.matrices[measure]} testId="agree-doc-matrix" caption={t('team.agree.caption', { measure: t(`team.agree.measure.${measure}` as MessageKey), kind: kindName(kind) })} />
                  ) : (
                    <p className="muted small">{t('app.loading')}</p>
                  )}
                  <table className="team-table pair-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('team.agree.pair')}</th>
                        <th scope="col">{t('team.agree.counts')}</th>
                        {measures.map((m) => (
                          <th key={m} scope="col">
                            {t(`team.agree.measure.${m}` as MessageKey)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {(docView?.pairs ?? []).filter((p) => p.documents > 0).map((p) => {
                        const fig = p.byKind[kind];
                        return (
                          <tr key={`${p.a}-${p.b}`}>
                            <th scope="row">
                              {view.names[p.a] ?? p.a} – {view.names[p.b] ?? p.b}
                            </th>
                            <td className="num">{fig ? t('team.agree.countsValue', { a: fig.aCount, b: fig.bCount, matched: fig.matched }) : '—'}</td>
                            {measures.map((m) => (
                              <td key={m} className="num">
                                {formatMeasure(pairFigure(p, kind, m))}
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p className="muted small">{t('team.agree.pickReport')}</p>
              )}
            </div>
          )}
        </>
      ) : loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
    </div>
  );
}

function Matrix({ view, matrix, caption, testId }: { view: TeamAgreementView; matrix: (number | null)[][] | undefined; caption: string; testId: string }): React.JSX.Element {
  const cells = cellsOf(matrix, view.analysts.length);
  const name = (id: string): string => view.names[id] ?? id;
  return (
    <table className="team-table agree-matrix" data-testid={testId}>
      <caption className="muted small">{caption}</caption>
      <thead>
        <tr>
          <td />
          {view.analysts.map((a) => (
            <th key={a} scope="col">
              {name(a)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cells.map((row, i) => (
          <tr key={view.analysts[i]}>
            <th scope="row">{name(view.analysts[i]!)}</th>
            {row.map((c, j) => (
              <td key={view.analysts[j]} className={`num cell band-${c.band}${c.diagonal ? ' diag' : ''}`} data-testid="agree-cell" data-row={view.analysts[i]} data-col={view.analysts[j]} data-value={c.value ?? ''}>
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
