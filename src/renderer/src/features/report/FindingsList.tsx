/**
 * The report's findings as a list beside the text (like Label Studio's regions list): the
 * findings the filters let through, sortable by position, kind, status or text; a click (or
 * Enter) selects one. Virtualised: only the rows on screen are in the DOM (a long report has
 * tens of thousands of findings).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Finding, Review } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { filterStore } from './filters';
import { primarySpan } from './model';
import { type ListSort, prefsStore } from './prefs';
import { currentNav, reportStore, selectFinding } from './store';
import type { TextIndex } from './offsets';

const ROW = 26;
const OVERSCAN = 8;
const STATUS_MARK: Record<string, string> = { suggested: '·', accepted: '✓', rejected: '✕', corrected: '✎' };
const STATUS_ORDER: Record<string, number> = { suggested: 0, corrected: 1, accepted: 2, rejected: 3 };

function excerpt(f: Finding, index: TextIndex): string {
  if (f.type === 'figure') return f.data.text;
  const s = primarySpan(f);
  return index.slice(s.start, Math.min(s.end, s.start + 40)).replace(/\s+/g, ' ');
}

export function sortFindings(list: readonly Finding[], by: ListSort, desc: boolean, reviews: Record<string, Review>, index: TextIndex): Finding[] {
  const pos = new Map<string, number>();
  list.forEach((f, i) => pos.set(f.id, i));
  let out: Finding[];
  if (by === 'position') out = [...list];
  else {
    const key = (f: Finding): string | number =>
      by === 'kind' ? `${f.type}:${f.data.kind}` : by === 'status' ? STATUS_ORDER[reviews[f.id]?.status ?? 'suggested'] : excerpt(f, index);
    const keys = new Map<string, string | number>();
    for (const f of list) keys.set(f.id, key(f));
    out = [...list].sort((a, b) => {
      const ka = keys.get(a.id)!;
      const kb = keys.get(b.id)!;
      return ka < kb ? -1 : ka > kb ? 1 : pos.get(a.id)! - pos.get(b.id)!;
    });
  }
  return desc ? out.reverse() : out;
}

export function FindingsList(): React.JSX.Element | null {
  const { t, count } = useI18n();
  const model = useStore(reportStore, (s) => s.model);
  const reviews = useStore(reportStore, (s) => s.reviews);
  const selectedId = useStore(reportStore, (s) => s.selectedId);
  const filter = useStore(filterStore, (s) => s);
  const sort = useStore(prefsStore, (s) => s.listSort);
  const desc = useStore(prefsStore, (s) => s.listDesc);
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const byReview = filter.status !== 'all' || filter.tag !== 'all' || sort === 'status';
  const rows = useMemo(() => {
    const nav = currentNav();
    return nav && model ? sortFindings(nav.list, sort, desc, reviews, model.index) : [];
    // reviews matter only when the filter or the sort look at them
  }, [model, filter, sort, desc, byReview ? reviews : null]);
  const selectedRow = useMemo(() => (selectedId ? rows.findIndex((f) => f.id === selectedId) : -1), [rows, selectedId]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // the selected finding's row stays in view
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedRow < 0) return;
    const y = selectedRow * ROW;
    if (y < el.scrollTop || y + ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 3);
  }, [selectedRow]);

  if (!model) return null;
  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW) + OVERSCAN);
  const sortBtn = (key: ListSort, label: MessageKey): React.JSX.Element => (
    <button
      type="button"
      aria-pressed={sort === key}
      onClick={() => prefsStore.patch(sort === key ? { listDesc: !desc } : { listSort: key, listDesc: false })}
      title={t('list.sortBy', { key: t(label) })}
      data-testid={`list-sort-${key}`}
    >
      {t(label)}
      {sort === key ? (desc ? ' ▼' : ' ▲') : ''}
    </button>
  );
  const items: React.JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    const f = rows[i];
    const status = reviews[f.id]?.status ?? 'suggested';
    items.push(
      <div
        key={f.id}
        role="option"
        aria-selected={f.id === selectedId}
        className={f.id === selectedId ? 'fl-row sel' : 'fl-row'}
        style={{ top: i * ROW }}
        onClick={() => selectFinding(f.id)}
        data-testid="list-row"
        data-finding-id={f.id}
        data-status={status}
        data-kind={`${f.type}:${f.data.kind}`}
      >
        <span className="fl-st" title={t(`status.${status}`)} aria-label={t(`status.${status}`)}>
          {STATUS_MARK[status]}
        </span>
        <span className="fl-text" lang="zh-Hans">
          {excerpt(f, model.index)}
        </span>
        <span className="fl-kind">{t(`kind.${f.data.kind}` as MessageKey)}</span>
      </div>,
    );
  }
  return (
    <aside className="findings-list" aria-label={t('list.title')} data-testid="findings-list">
      <div className="fl-head">
        {sortBtn('position', 'list.position')}
        {sortBtn('kind', 'field.kind')}
        {sortBtn('status', 'field.status')}
        {sortBtn('text', 'field.text')}
        <span className="fl-count num">{count(rows.length)}</span>
      </div>
      <div
        className="fl-scroller"
        ref={scroller}
        role="listbox"
        aria-label={t('list.title')}
        tabIndex={-1}
        onScroll={(e) => setTop((e.target as HTMLElement).scrollTop)}
        data-testid="list-scroller"
      >
        <div style={{ height: rows.length * ROW, position: 'relative' }}>{items}</div>
      </div>
    </aside>
  );
}
