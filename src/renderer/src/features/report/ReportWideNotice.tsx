/**
 * Findings about the whole report (half-width punctuation throughout, a hard-wrapped text) as a notice over the
 * text: what it is, how many marks, and one key to accept the fix — not a span painted over
 * every clause.
 */
import { isHardWrap, reportWideCount } from '../../../../core/defects/reason';
import type { Finding } from '../../../../core/store-schema';
import { EMPTY, useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { withKeys } from '../shortcuts/keys';
import { reportStore, selectFinding, setStatus } from './store';

export function ReportWideNotice(): React.JSX.Element | null {
  const wide: readonly Finding[] = useStore(reportStore, (s) => s.model?.reportWide ?? EMPTY);
  if (wide.length === 0) return null;
  return (
    <>
      {wide.map((f) => (
        <Notice key={f.id} finding={f} />
      ))}
    </>
  );
}

function Notice({ finding }: { finding: Finding }): React.JSX.Element | null {
  const { t, count } = useI18n();
  const review = useStore(reportStore, (s) => s.reviews[finding.id]);
  const selected = useStore(reportStore, (s) => s.selectedId === finding.id);
  if (finding.type !== 'defect') return null;
  const status = review?.status ?? 'suggested';
  const done = status === 'accepted' || status === 'corrected';
  const n = reportWideCount(finding.data);
  const wrap = isHardWrap(finding.data);
  return (
    <div className={`report-wide-notice s-${status}${selected ? ' sel' : ''}`} role="region" aria-label={t(wrap ? 'kind.broken_paragraph' : 'kind.mixed_punctuation')} data-testid="report-wide-notice" data-fid={finding.id} data-status={status}>
      <span className="rw-text">{t(wrap ? 'notice.hardWrap' : 'notice.reportWide', { count: count(n) })}</span>
      {status !== 'suggested' ? <span className="rw-status">{t(`status.${status}`)}</span> : null}
      <span className="spacer" />
      <button type="button" onClick={() => selectFinding(finding.id, false)} aria-pressed={selected} data-testid="report-wide-show">
        {t('notice.reportWideShow')}
      </button>
      <button type="button" className="primary" disabled={done} onClick={() => void fixReportWide(finding.id)} title={withKeys(t(wrap ? 'notice.hardWrapFix' : 'notice.reportWideFix'), 'fixReportWide')} data-testid="report-wide-fix">
        {t(wrap ? 'notice.hardWrapFix' : 'notice.reportWideFix')}
      </button>
    </div>
  );
}

/** Accepts the report-wide fix (the given one, else the open report's first not yet accepted); answers whether there was one. */
export async function fixReportWide(id?: string): Promise<boolean> {
  const s = reportStore.get();
  const target = id ?? s.model?.reportWide.find((f) => !['accepted', 'corrected'].includes(s.reviews[f.id]?.status ?? 'suggested'))?.id;
  if (!target) return false;
  const ok = await setStatus([target], 'accepted');
  if (ok) selectFinding(target, false);
  return ok;
}
