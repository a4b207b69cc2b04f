/**
 * The Rules page: the workspace rules learned from the analyst's decisions (and teammates'
 * shared ones, read-only), with where each came from, how many findings it changed, a switch,
 * edit, delete; export and import as JSON; re-analyse the workspace with them.
 */
import { useEffect, useRef, useState } from 'react';
import type { RuleEntry } from '../../../../core/api';
import { useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { useI18n } from '../i18n/i18n';
import { actionWords, matchWords } from './describe';
import { deleteRule, editRule, exportRulesFile, importRulesText, loadRules, reanalyseWorkspace, rulesStore, setRuleEnabled, setRuleShared } from './store';
import './rules.css';

export function RulesPage(): React.JSX.Element {
  const { t } = useI18n();
  const view = useStore(rulesStore, (s) => s.view);
  const loading = useStore(rulesStore, (s) => s.loading);
  const busy = useStore(rulesStore, (s) => s.busy);
  const reanalysis = useStore(rulesStore, (s) => s.reanalysis);
  const file = useRef<HTMLInputElement>(null);
  // read again when another workspace opens (its rules are its own)
  const dir = useStore(workspaceStore, (s) => s.workspace?.dir ?? null);
  useEffect(() => {
    void loadRules();
  }, [dir]);
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) await importRulesText(await f.text());
  };
  const rules = view?.rules ?? [];
  return (
    <div className="rules-page" data-testid="rules-page">
      <div className="rules-toolbar">
        <h2>{t('rules.title')}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => void reanalyseWorkspace()} disabled={busy} data-testid="rules-reanalyse">{t('rules.reanalyse')}</button>
        <button type="button" onClick={() => void exportRulesFile()} disabled={busy || rules.length === 0} data-testid="rules-export">{t('rules.export')}</button>
        <button type="button" onClick={() => file.current?.click()} disabled={busy} data-testid="rules-import">{t('rules.import')}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden onChange={(e) => void onFile(e)} data-testid="rules-import-file" />
      </div>
      {view?.problems.map((p) => <p key={p} className="rules-problem">{t('rules.problem')}</p>)}
      {reanalysis && (
        <div className="rules-reanalysis" role="status" data-testid="rules-reanalysis">
          {t('rules.reanalysed', { documents: reanalysis.documents, before: reanalysis.findingsBefore, after: reanalysis.findingsAfter })}
          {reanalysis.failed.length > 0 && ` ${t('rules.reanalyseFailed', { count: reanalysis.failed.length })}`}
          {/* undo-s6: reports whose source file is missing */}
          {(reanalysis.fromStore ?? 0) > 0 && <span data-testid="rules-reanalysis-stored">{` ${t('rules.reanalysisFromStore', { count: reanalysis.fromStore })}`}</span>}
          {(reanalysis.skipped?.length ?? 0) > 0 && <span data-testid="rules-reanalysis-skipped" title={reanalysis.skipped.map((x) => x.path).join('\n')}>{` ${t('rules.reanalysisSkipped', { count: reanalysis.skipped.length })}`}</span>}
          {reanalysis.rules.length > 0 && (
            <ul>
              {reanalysis.rules.map((r) => {
                const e = rules.find((x) => x.rule.id === r.ruleId);
                return <li key={r.ruleId}>{t('rules.reanalysedRule', { rule: e ? matchWords(e.rule) : r.ruleId, before: r.before, after: r.after })}</li>;
              })}
            </ul>
          )}
        </div>
      )}
      {loading && !view ? (
        <p className="muted">{t('rules.loading')}</p>
      ) : rules.length === 0 ? (
        <div className="rules-empty" data-testid="rules-empty">
          <p>{t('rules.empty.title')}</p>
          <p className="muted">{t('rules.empty.hint')}</p>
        </div>
      ) : (
        <table className="rules-table" data-testid="rules-table">
          <thead>
            <tr>
              <th>{t('rules.col.on')}</th>
              <th>{t('rules.col.rule')}</th>
              <th>{t('rules.col.source')}</th>
              <th>{t('rules.col.changed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((e) => <RuleRow key={`${e.owner.id}/${e.rule.id}`} entry={e} reports={view!.reports} busy={busy} />)}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RuleRow({ entry, reports, busy }: { entry: RuleEntry; reports: Record<string, string>; busy: boolean }): React.JSX.Element {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const r = entry.rule;
  const when = new Date(r.provenance.at);
  const at = Number.isNaN(when.getTime()) ? r.provenance.at : when.toLocaleString();
  return (
    <>
      <tr data-testid="rule-row" data-rule-id={r.id} className={r.enabled ? undefined : 'off'}>
        <td>
          <input type="checkbox" checked={r.enabled} disabled={!entry.mine || busy} onChange={(e) => void setRuleEnabled(r.id, e.target.checked)} aria-label={t('rules.toggle')} data-testid="rule-toggle" />
        </td>
        <td>
          <div className="rule-match">{matchWords(r)}</div>
          <div className="rule-action">{actionWords(r)}</div>
          {r.note && <div className="rule-note muted">{r.note}</div>}
        </td>
        <td className="rule-source">
          {t('rules.source', { analyst: r.provenance.analyst, report: reports[r.provenance.documentId] ?? t('rules.reportGone'), at })}
          {!entry.mine && <div className="muted">{t('rules.teammate', { name: entry.owner.name })}</div>}
        </td>
        <td data-testid="rule-changed">{t('rules.changed', { changed: entry.changed, applied: entry.applied })}</td>
        <td className="rule-buttons">
          {entry.mine && (
            <>
              <label className="rule-shared">
                <input type="checkbox" checked={entry.shared} disabled={busy} onChange={(e) => void setRuleShared(r.id, e.target.checked)} />
                {t('rules.shared')}
              </label>
              <button type="button" onClick={() => setEditing(!editing)} disabled={busy} data-testid="rule-edit">{t('rules.edit')}</button>
              <button type="button" onClick={() => window.confirm(t('rules.deleteConfirm')) && void deleteRule(r.id)} disabled={busy} data-testid="rule-delete">{t('rules.delete')}</button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="rule-editor">
          <td />
          <td colSpan={4}>
            <RuleEditor entry={entry} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function RuleEditor({ entry, onDone }: { entry: RuleEntry; onDone: () => void }): React.JSX.Element {
  const { t } = useI18n();
  const r = entry.rule;
  const fix = r.action.op === 'fix' ? r.action.fields : null;
  const [note, setNote] = useState(r.note ?? '');
  const [metric, setMetric] = useState(fix && 'metric' in fix ? (fix.metric ?? '') : '');
  const [unit, setUnit] = useState(fix && 'unit' in fix ? (fix.unit ?? '') : '');
  const save = async (): Promise<void> => {
    const fields: { metric?: string | null; unit?: string | null } = {};
    if (fix && 'metric' in fix) fields.metric = metric.trim() || null;
    if (fix && 'unit' in fix) fields.unit = unit.trim() || null;
    if (await editRule(r.id, { note, fields: fix ? fields : undefined })) onDone();
  };
  return (
    <form className="rule-edit-form" onSubmit={(e) => (e.preventDefault(), void save())} data-testid="rule-edit-form">
      {fix && 'metric' in fix && (
        <label>
          {t('rules.field.metric')} <input value={metric} onChange={(e) => setMetric(e.target.value)} />
        </label>
      )}
      {fix && 'unit' in fix && (
        <label>
          {t('rules.field.unit')} <input value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
      )}
      <label>
        {t('rules.note')} <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit">{t('rules.save')}</button>
      <button type="button" onClick={onDone}>{t('rules.cancel')}</button>
    </form>
  );
}
