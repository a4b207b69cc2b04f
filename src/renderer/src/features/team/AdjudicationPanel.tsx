/**
 * The adjudication queue (INCEpTION-style): the reports two or more analysts worked on, and for
 * the one picked its items grouped — the analysts disagree, only one analyst decided, all agree.
 * Keyboard-driven like the review: j/k move, 1…9 take that analyst's side, x: not a finding,
 * e edits the value of the side taken (Enter saves, Esc cancels), u undoes the choice, a takes
 * every all-agree item as it is, o opens the report at the item. Each choice is written to the
 * adjudicator's layer through the API; the queue moves on to the next open item.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AdjudicationChoice } from '../../../../core/team/api';
import type { FigureKind } from '../../../../core/schema';
import { useStore } from '../../lib/store';
import { showNotice } from '../errors/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { isMessageKey } from '../i18n/messages';
import { parseValueInput } from '../inspector/parseValue';
import { uiStore } from '../layout/ui';
import { setView } from '../layout/view';
import { openFinding, reportStore, showSpan } from '../report/store';
import { isTypingTarget } from '../shortcuts/keys';
import { DecisionValues } from './TeamLayers';
import { limitRows } from './limit';
import { GROUP_ORDER, queueKey } from './queue';
import { type QueueItem, acceptAllAgreed, adjudicateItem, isOpenItem, loadQueue, loadSummary, moveAdj, setAdjIndex, startEdit, stopEdit, teamStore } from './store';

const FIGURE_KINDS: FigureKind[] = ['count', 'money', 'percent', 'range', 'date', 'duration', 'name'];

export function AdjudicationPanel(): React.JSX.Element {
  const { t, count } = useI18n();
  const summary = useStore(teamStore, (s) => s.summary);
  const adjDoc = useStore(teamStore, (s) => s.adjDoc);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void loadSummary();
  }, []);
  const rows = useMemo(() => limitRows(summary?.documents ?? [], query, (d) => d.name), [summary, query]);
  return (
    <div className="team-section adjudication-panel" data-testid="adjudication-panel">
      <div className="adj-layout">
        <nav className="adj-docs" aria-label={t('team.adj.reports')}>
          <h2>{t('team.adj.reports')}</h2>
          {summary && summary.documents.length === 0 ? <p className="muted small">{t('team.adj.noReports')}</p> : null}
          {summary && summary.documents.length > 10 ? (
            <input type="search" className="adj-filter" value={query} placeholder={t('docs.filter')} aria-label={t('docs.filter')} onChange={(e) => setQuery(e.target.value)} data-testid="adj-filter" />
          ) : null}
          {rows.matched > rows.shown.length ? <p className="muted small">{t('team.more', { shown: count(rows.shown.length), matched: count(rows.matched) })}</p> : null}
          <ul className="visible-scroll" role="listbox" aria-label={t('team.adj.reports')} data-testid="adj-docs">
            {rows.shown.map((d) => (
              <li key={d.documentId} role="option" aria-selected={d.documentId === adjDoc}>
                <button type="button" className={d.documentId === adjDoc ? 'doc-item open' : 'doc-item'} onClick={() => void loadQueue(d.documentId)} data-testid="adj-doc" data-doc-id={d.documentId}>
                  <span className="doc-name">{d.name}</span>
                  <span className="muted small num">
                    {t('team.adj.docCounts', { disagree: count(d.counts.disagree), single: count(d.counts.single), agree: count(d.counts.agree), open: count(d.counts.open) })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {adjDoc ? <Queue /> : <p className="muted team-note">{t('team.adj.pick')}</p>}
      </div>
    </div>
  );
}

function Queue(): React.JSX.Element {
  const { t, count } = useI18n();
  const queue = useStore(teamStore, (s) => s.queue);
  const index = useStore(teamStore, (s) => s.adjIndex);
  const editing = useStore(teamStore, (s) => s.editing);
  const busy = useStore(teamStore, (s) => s.adjBusy);
  const loading = useStore(teamStore, (s) => s.adjLoading);
  const listRef = useRef<HTMLDivElement>(null);
  const current = queue?.order[index];

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target) || uiStore.get().overlay) return;
      const k = queueKey(e);
      if (!k) return;
      e.preventDefault();
      runKey(k, t);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [t]);

  useEffect(() => {
    // the current item in view, in the upper part of the list
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="true"]');
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [index, queue]);

  if (!queue) return <p className="muted team-note">{loading ? t('app.loading') : ''}</p>;
  const c = queue.counts;
  return (
    <section className="adj-queue" aria-label={t('team.adj.queue')} data-testid="adj-queue" data-doc-id={queue.documentId}>
      <div className="team-row">
        <h2>{t('team.adj.queue')}</h2>
        <span className="muted small num" data-testid="adj-counts" data-open={c.open} data-resolved={c.resolved}>
          {t('team.adj.counts', { open: count(c.open), resolved: count(c.resolved), total: count(queue.items.length) })}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void acceptAgreed(t)} disabled={busy || !queue.items.some((it) => it.class === 'agree' && it.resolution === null)} title={t('team.adj.acceptAgreeTitle')} data-testid="adj-accept-agree">
          {t('team.adj.acceptAgree')} <kbd>a</kbd>
        </button>
      </div>
      <p className="muted small keys-hint">{t('team.adj.keys')}</p>
      <div className="adj-items visible-scroll" ref={listRef} data-testid="adj-items">
        {GROUP_ORDER.map((g) => {
          const items = queue.order.map((it, i) => ({ it, i })).filter(({ it }) => it.class === g);
          if (items.length === 0) return null;
          return (
            <div key={g} className="adj-group" data-testid={`adj-group-${g}`}>
              <h3>
                {t(`team.adj.group.${g}` as MessageKey)} <span className="muted num">({count(items.length)})</span>
              </h3>
              <ol>
                {items.map(({ it, i }) => (
                  <Item key={it.id} item={it} index={i} current={i === index} editing={editing?.item === it.id ? editing.take : null} />
                ))}
              </ol>
            </div>
          );
        })}
        {queue.items.length === 0 ? <p className="muted">{t('team.adj.empty')}</p> : null}
      </div>
      {current ? <span className="visually-hidden" aria-live="polite">{current.quote}</span> : null}
    </section>
  );
}

async function acceptAgreed(t: (k: MessageKey, v?: Record<string, string | number>) => string): Promise<void> {
  const n = await acceptAllAgreed();
  if (n > 0) showNotice(t('team.adj.acceptedAgree', { count: n }), 3000);
}

/** The report at the item: my finding selected when I have it, else the item's place highlighted (a teammate's own finding). */
function openItem(docId: string, it: QueueItem): void {
  setView('review');
  const ids = [...new Set(it.decisions.map((d) => d.findingId))];
  void (async () => {
    for (const id of ids) if (await openFinding(docId, id)) return;
    if (reportStore.get().docId === docId) showSpan({ start: it.start, end: it.end });
  })();
}

function runKey(k: NonNullable<ReturnType<typeof queueKey>>, t: (k: MessageKey, v?: Record<string, string | number>) => string): void {
  const s = teamStore.get();
  const it = s.queue?.order[s.adjIndex];
  switch (k.type) {
    case 'move':
      moveAdj(k.dir);
      return;
    case 'acceptAgree':
      void acceptAgreed(t);
      return;
    case 'open':
      if (it && s.adjDoc) openItem(s.adjDoc, it);
      return;
  }
  if (!it || s.adjBusy) return;
  switch (k.type) {
    case 'take': {
      const d = it.decisions[k.index];
      if (d) void adjudicateItem(it.id, { take: d.decision.analyst });
      return;
    }
    case 'reject':
      void adjudicateItem(it.id, { reject: true });
      return;
    case 'undo':
      if (it.resolution) void adjudicateItem(it.id, null, false);
      return;
    case 'edit': {
      const choice = it.resolution?.choice;
      // the side taken, else the first that says the finding is there (editing a value asserts it)
      const asserted = it.decisions.find((x) => x.decision.status === 'accepted' || x.decision.status === 'corrected');
      const take = choice && 'take' in choice ? choice.take : (asserted ?? it.decisions[0])?.decision.analyst;
      const d = it.decisions.find((x) => x.decision.analyst === take);
      if (!d || !take) return;
      if (d.type !== 'figure') {
        showNotice(t('team.adj.editFiguresOnly'), 3000);
        return;
      }
      startEdit(it.id, take);
      return;
    }
  }
}

function Item({ item, index, current, editing }: { item: QueueItem; index: number; current: boolean; editing: string | null }): React.JSX.Element {
  const { t } = useI18n();
  const analysts = useStore(teamStore, (s) => s.analysts);
  const name = (id: string): string => analysts.find((a) => a.id === id)?.name ?? id;
  const choice = item.resolution?.choice;
  const taken = choice && 'take' in choice ? choice.take : null;
  const rejected = choice !== undefined && 'reject' in choice;
  const open = isOpenItem(item);
  return (
    <li
      className={`adj-item${current ? ' current' : ''}${open ? ' open' : ' settled'}`}
      aria-current={current ? 'true' : undefined}
      data-testid="adj-item"
      data-item={item.id}
      data-class={item.class}
      data-resolution={rejected ? 'rejected' : (taken ?? '')}
      onClick={() => setAdjIndex(index)}
    >
      <div className="adj-item-head">
        <q className="quote report-text">{item.quote || '∅'}</q>
        {item.resolution ? (
          <span className="adj-resolution small" data-testid="adj-resolution">
            {rejected ? t('team.adj.resolvedReject', { name: name(item.resolution.by) }) : t(choice && 'fields' in choice && choice.fields ? 'team.adj.resolvedEdit' : 'team.adj.resolvedTake', { take: name(taken ?? ''), name: name(item.resolution.by) })}
          </span>
        ) : item.class === 'agree' ? (
          <span className="muted small">{t('team.adj.agreedAsIs')}</span>
        ) : null}
        {item.stale ? <span className="stale small" title={t('team.adj.staleTitle')}>{t('team.adj.stale')}</span> : null}
        {current ? null : (
          <span className="adj-summary small" data-testid="adj-summary">
            {item.decisions.map((d) => (
              <span key={d.decision.analyst} className="adj-summary-side">
                <span className="muted">{name(d.decision.analyst)}</span> <span className={`badge st-${d.decision.status}`}>{t(`status.${d.decision.status}` as MessageKey)}</span>{' '}
                <DecisionValues d={d.decision} type={d.type} />
              </span>
            ))}
          </span>
        )}
      </div>
      {current ? (
        <ol className="adj-sides">
          {item.decisions.map((d, i) => (
            <li key={d.decision.analyst} className={taken === d.decision.analyst ? 'side taken' : 'side'} data-testid="adj-side" data-analyst={d.decision.analyst}>
              <kbd>{i + 1}</kbd>
              <span className="who">{name(d.decision.analyst)}</span>
              <span className={`badge st-${d.decision.status}`}>{t(`status.${d.decision.status}` as MessageKey)}</span>
              <DecisionValues d={d.decision} type={d.type} />
              <button type="button" className="link small" onClick={(e) => (e.stopPropagation(), void adjudicateItem(item.id, { take: d.decision.analyst }))} data-testid="adj-take">
                {t('team.adj.take')}
              </button>
              {editing === d.decision.analyst ? <EditSide item={item} take={d.decision.analyst} /> : null}
            </li>
          ))}
          {item.missing.length > 0 ? <li className="muted small">{t('team.adj.missing', { names: item.missing.map(name).join(t('team.listSep')) })}</li> : null}
          <li className="adj-more">
            <button type="button" className="link small" onClick={(e) => (e.stopPropagation(), void adjudicateItem(item.id, { reject: true }))} data-testid="adj-reject">
              {t('team.adj.reject')} <kbd>x</kbd>
            </button>
            {item.decisions.some((d) => d.type === 'figure') ? (
              <button type="button" className="link small" onClick={(e) => (e.stopPropagation(), runKey({ type: 'edit' }, t))} data-testid="adj-edit-open">
                {t('team.adj.edit')} <kbd>e</kbd>
              </button>
            ) : null}
            {item.resolution ? (
              <button type="button" className="link small" onClick={(e) => (e.stopPropagation(), void adjudicateItem(item.id, null, false))} data-testid="adj-undo">
                {t('team.adj.undo')} <kbd>u</kbd>
              </button>
            ) : null}
            <button type="button" className="link small" onClick={(e) => (e.stopPropagation(), runKey({ type: 'open' }, t))} data-testid="adj-open">
              {t('team.adj.open')} <kbd>o</kbd>
            </button>
          </li>
        </ol>
      ) : null}
    </li>
  );
}

/** e: the side's kind, value and unit, edited; Enter writes the side taken with the changed fields. */
function EditSide({ item, take }: { item: QueueItem; take: string }): React.JSX.Element {
  const { t, num } = useI18n();
  const d = item.decisions.find((x) => x.decision.analyst === take)!.decision;
  const [kind, setKind] = useState(d.kind);
  const [value, setValue] = useState(d.value === null ? '' : String(d.value));
  const [unit, setUnit] = useState(d.unit ?? '');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const parsed = value.trim() === '' ? null : parseValueInput(value);
  const valid = value.trim() === '' || parsed !== null;
  const save = (): void => {
    if (!valid) return;
    const fields: Record<string, unknown> = {};
    if (kind !== d.kind) fields.kind = kind;
    if (parsed !== d.value) fields.value = parsed;
    const u = unit.trim() === '' ? null : unit.trim();
    if (u !== d.unit) fields.unit = u;
    const choice: AdjudicationChoice = Object.keys(fields).length > 0 ? { take, fields } : { take };
    void adjudicateItem(item.id, choice);
  };
  return (
    <form
      className="adj-edit"
      data-testid="adj-edit"
      onClick={(e) => e.stopPropagation()}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          stopEdit();
        }
      }}
    >
      <label>
        <span className="muted small">{t('field.value')}</span>
        <input ref={ref} className="num" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!valid} data-testid="adj-edit-value" />
      </label>
      <label>
        <span className="muted small">{t('field.unit')}</span>
        <input className="unit" value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="adj-edit-unit" />
      </label>
      <label>
        <span className="muted small">{t('field.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="adj-edit-kind">
          {(FIGURE_KINDS.includes(kind as FigureKind) ? FIGURE_KINDS : [kind, ...FIGURE_KINDS]).map((k) => (
            <option key={k} value={k}>
              {isMessageKey(`kind.${k}`) ? t(`kind.${k}` as MessageKey) : k}
            </option>
          ))}
        </select>
      </label>
      <span className="muted small num">{valid ? (parsed === null ? '—' : num(parsed)) : t('team.adj.badValue')}</span>
      <button type="submit" className="primary" disabled={!valid} data-testid="adj-edit-save">
        {t('dialog.save')} ↵
      </button>
      <button type="button" onClick={() => stopEdit()}>
        {t('dialog.cancel')}
      </button>
    </form>
  );
}
