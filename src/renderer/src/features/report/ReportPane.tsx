/** The middle pane: the report's toolbar (filters, bulk accept, legend) above the virtualised text. */
import { useMemo, useState } from 'react';
import type { ReviewStatus } from '../../../../core/store-schema';
import { EMPTY, useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { layoutStore } from '../layout/store';
import { keysOf } from '../shortcuts/keys';
import { bulkAccept } from './bulk';
import { FilterCount } from './FilterCount';
import { filterStore, setFilter } from './filters';
import { Legend } from './Legend';
import { type FindingType, isDimmed } from './model';
import { ReportView } from './ReportView';
import { ReportWideNotice } from './ReportWideNotice';
import { reportStore } from './store';

const STATUSES: ReviewStatus[] = ['suggested', 'accepted', 'rejected', 'corrected'];

export function ReportPane(): React.JSX.Element {
  return (
    <div className="report-pane">
      <ReportToolbar />
      <ReportWideNotice />
      <div className="report-body">
        <ReportView />
      </div>
    </div>
  );
}

function ReportToolbar(): React.JSX.Element | null {
  const { t, count } = useI18n();
  const meta = useStore(reportStore, (s) => s.meta);
  const model = useStore(reportStore, (s) => s.model);
  const reviews = useStore(reportStore, (s) => s.reviews);
  const filter = useStore(filterStore, (s) => s);
  const taxonomy = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const serif = useStore(layoutStore, (s) => s.serif);
  const [legend, setLegend] = useState(false);
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
    <div className="report-toolbar">
      <div className="row">
        <h1 className="doc-title" data-testid="report-title">
          {meta.name}
        </h1>
        <span className="muted num" data-testid="report-counts">
          {t('report.findings', { count: count(total) })} · {t('report.unreviewed', { count: count(unreviewed) })}
        </span>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={serif} onChange={(e) => layoutStore.patch({ serif: e.target.checked })} />
          {t('report.serif')}
        </label>
        <button type="button" aria-expanded={legend} onClick={() => setLegend(!legend)} data-testid="legend-toggle">
          {t('report.legend')}
        </button>
      </div>
      <div className="row filters" role="group" aria-label={t('report.filters')}>
        <span className="muted">{t('report.filters')}</span>
        <select aria-label={t('field.kind')} value={filter.kind === 'all' ? filter.type : `${filter.type}:${filter.kind}`} onChange={(e) => {
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
        <select aria-label={t('field.status')} value={filter.status} onChange={(e) => setFilter({ status: e.target.value as ReviewStatus | 'all' })} data-testid="filter-status">
          <option value="all">{t('report.statusAll')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('field.tags')} value={filter.tag} onChange={(e) => setFilter({ tag: e.target.value })} data-testid="filter-tag">
          <option value="all">{t('report.tagAll')}</option>
          {taxonomy.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={filter.showDimmed} onChange={(e) => setFilter({ showDimmed: e.target.checked })} />
          {t('report.showDimmed')}
        </label>
        <FilterCount />
        <span className="spacer" />
        {chosen ? (
          <span className="bulk">
            <select aria-label={t('field.kind')} value={chosen[0]} onChange={(e) => setBulkKind(e.target.value)} data-testid="bulk-kind">
              {kinds.map(([k]) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void bulkAccept(chosen[1], chosen[0])} title={`${t('report.bulkAccept', { kind: t(kindKey(chosen[0])) })} (${keysOf('bulkAccept')})`} data-testid="bulk-accept">
              {t('report.bulkAccept', { kind: t(kindKey(chosen[0])) })}
            </button>
          </span>
        ) : null}
      </div>
      {legend ? <Legend /> : null}
    </div>
  );
}
