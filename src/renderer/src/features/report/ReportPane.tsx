/** The middle pane: the report's toolbar (filters, bulk accept, legend) above the virtualised text. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewStatus } from '../../../../core/store-schema';
import { EMPTY, useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { layoutStore } from '../layout/store';
import { keysOf, withKeys } from '../shortcuts/keys';
import { bulkAccept } from './bulk';
import { FilterCount } from './FilterCount';
import { filterStore, setFilter } from './filters';
import { FindingsList } from './FindingsList';
import { Legend } from './Legend';
import { prefsStore } from './prefs';
import { CaretMark } from './CaretMark';
import { type FindingType, isDimmed } from './model';
import { ReportView } from './ReportView';
import { ReportWideNotice } from './ReportWideNotice';
import { reportStore } from './store';
import { tagLabel } from '../taxonomy/tags';

const STATUSES: ReviewStatus[] = ['suggested', 'accepted', 'rejected', 'corrected'];

export function ReportPane(): React.JSX.Element {
  const listOpen = useStore(prefsStore, (s) => s.listOpen);
  const hasDoc = useStore(reportStore, (s) => s.model !== null);
  return (
    <div className="report-pane">
      <ReportToolbar />
      <ReportWideNotice />
      <div className="report-body with-list">
        <div className="report-main">
          <ReportView />
        </div>
        {listOpen && hasDoc ? <FindingsList /> : null}
      </div>
      <CaretMark />
    </div>
  );
}

function ReportToolbar(): React.JSX.Element | null {
  const { t, count, lang } = useI18n();
  const meta = useStore(reportStore, (s) => s.meta);
  const model = useStore(reportStore, (s) => s.model);
  const reviews = useStore(reportStore, (s) => s.reviews);
  const filter = useStore(filterStore, (s) => s);
  const taxonomy = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const serif = useStore(layoutStore, (s) => s.serif);
  const [legend, setLegend] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const toolbarRef = useRef<HTMLDivElement>(null);
  // a popover (view options, bulk accept) closes on Esc or a click elsewhere
  useEffect(() => {
    if (!legend && !bulkOpen) return;
    const close = (): void => {
      setLegend(false);
      setBulkOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      close();
    };
    const onDown = (e: MouseEvent): void => {
      if (!toolbarRef.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onDown, true);
    };
  }, [legend, bulkOpen]);
  const listOpen = useStore(prefsStore, (s) => s.listOpen);
  // the kinds of this report, the most frequent review work first (the bulk action's default;
  // names and boilerplate, dimmed, count for nothing)
  const kinds = useMemo(() => {
    const seen = new Map<string, { type: FindingType; n: number }>();
    for (const f of model?.order ?? []) {
      const k = seen.get(f.data.kind) ?? { type: f.type, n: 0 };
      if (!isDimmed(f)) k.n++;
      seen.set(f.data.kind, k);
    }
    return [...seen.entries()].sort((a, b) => b[1].n - a[1].n).map(([kind, v]): [string, FindingType] => [kind, v.type]);
  }, [model]);
  const [bulkKind, setBulkKind] = useState<string>('');
  if (!meta || !model) return null;
  // as in the document counts: names and boilerplate are not review work
  const total = model.reviewable;
  let unreviewed = total;
  for (const id in reviews) {
    const f = reviews[id].status === 'suggested' ? undefined : model.byId.get(id);
    if (f && !isDimmed(f)) unreviewed--;
  }
  const kindKey = (k: string): MessageKey => `kind.${k}` as MessageKey;
  const chosen = kinds.find(([k]) => k === bulkKind) ?? kinds[0];
  return (
    <div className="report-toolbar one-row" role="toolbar" aria-label={t('report.filters')} ref={toolbarRef}>
      {/* the title over its counts: the title keeps its room, the controls give way (issue 15: "taiy…") */}
      <div className="title-block">
        <h1 className="doc-title" data-testid="report-title" title={meta.name}>
          {meta.name}
        </h1>
        <span className="muted num counts" data-testid="report-counts">
          {/* a long report's text shows a moment before its findings are counted */}
          {model.pending ? '…' : <>{t('report.findings', { count: count(total) })} · {t('report.unreviewed', { count: count(unreviewed) })}</>}
        </span>
      </div>
      <select aria-label={t('field.kind')} title={t('field.kind')} value={filter.kind === 'all' ? filter.type : `${filter.type}:${filter.kind}`} onChange={(e) => {
        const v = e.target.value;
        if (v === 'all' || v === 'figure' || v === 'duplicate' || v === 'defect') setFilter({ type: v, kind: 'all' });
        else {
          const [type, kind] = v.split(':');
          setFilter({ type: type as FindingType, kind });
        }
      }} data-testid="filter-kind">
        <option value="all">{t('report.kindAll')}</option>
        {(['figure', 'duplicate', 'defect'] as const).map((ty) => (
          <optgroup key={ty} label={t(`type.${ty}`)}>
            <option value={ty}>{t(`type.${ty}`)}</option>
            {kinds.filter(([, x]) => x === ty).map(([k]) => (
              <option key={k} value={`${ty}:${k}`}>
                {t(kindKey(k))}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select aria-label={t('field.status')} title={t('field.status')} value={filter.status} onChange={(e) => setFilter({ status: e.target.value as ReviewStatus | 'all' })} data-testid="filter-status">
        <option value="all">{t('report.statusAll')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('field.tags')} title={t('field.tags')} value={filter.tag} onChange={(e) => setFilter({ tag: e.target.value })} data-testid="filter-tag">
        <option value="all">{t('report.tagAll')}</option>
        {taxonomy.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tagLabel(tag, lang)}
          </option>
        ))}
      </select>
      <FilterCount />
      <span className="spacer" />
      {chosen ? (
        <span className="bulk">
          <button type="button" aria-expanded={bulkOpen} onClick={() => {
              setBulkOpen(!bulkOpen);
              setLegend(false);
            }} title={`${t('report.bulkAccept', { kind: t(kindKey(chosen[0])) })} (${keysOf('bulkAccept')})`} data-testid="bulk-open">
            {t('report.bulkAcceptShort')} ▾
          </button>
          {bulkOpen ? (
            <span className="toolbar-popover bulk-popover" data-testid="bulk-popover" >
              <select aria-label={t('report.bulkKind')} title={t('report.bulkKind')} value={chosen[0]} onChange={(e) => setBulkKind(e.target.value)} data-testid="bulk-kind">
                {kinds.map(([k]) => (
                  <option key={k} value={k}>
                    {t(kindKey(k))}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setBulkOpen(false);
                  void bulkAccept(chosen[1], chosen[0]);
                }}
                title={`${t('report.bulkAccept', { kind: t(kindKey(chosen[0])) })} (${keysOf('bulkAccept')})`}
                data-testid="bulk-accept"
              >
                {t('report.bulkAccept', { kind: t(kindKey(chosen[0])) })}
              </button>
            </span>
          ) : null}
        </span>
      ) : null}
      <button type="button" aria-pressed={listOpen} onClick={() => prefsStore.patch({ listOpen: !listOpen })} title={withKeys(t('list.toggle'), 'findingsList')} aria-label={t('list.toggle')} data-testid="list-toggle">
        ☰
      </button>
      <button type="button" aria-expanded={legend} onClick={() => {
          setLegend(!legend);
          setBulkOpen(false);
        }} data-testid="legend-toggle">
        {t('report.view')} {legend ? '▴' : '▾'}
      </button>
      {legend ? (
        <div className="legend-popover" data-testid="legend-popover" >
          <Legend />
          <label className="check" title={t('report.showDimmedTitle')}>
            <input type="checkbox" checked={filter.showDimmed} onChange={(e) => setFilter({ showDimmed: e.target.checked })} data-testid="show-dimmed" />
            {t('report.showDimmed')}
          </label>
          <label className="check">
            <input type="checkbox" checked={serif} onChange={(e) => layoutStore.patch({ serif: e.target.checked })} />
            {t('report.serif')}
          </label>
        </div>
      ) : null}
    </div>
  );
}
