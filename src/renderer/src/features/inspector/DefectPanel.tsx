/** A text defect: the suggested fix previewed before/after; accepting records a correction (the source is never edited). */
import { memo, useMemo } from 'react';
import { effectiveData } from '../../../../core/document/effective';
import { fixSamples, isReportWide } from '../../../../core/defects/reason';
import type { Finding, Review } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { applyAction, reportStore, setStatus } from '../report/store';
import { defectReason } from './defect-reason';
import { EditField } from './EditField';

type DefectFinding = Extract<Finding, { type: 'defect' }>;

/** A fix over the whole report (half-width punctuation throughout): a few of its places, not a wall of struck-through text. */
function ReportWidePreview({ d, replacement }: { d: DefectFinding['data']; replacement: string | null }): React.JSX.Element {
  const { t } = useI18n();
  // the finding's own fix is the finding's data (its edits are computed once per finding)
  const samples = useMemo(() => fixSamples(replacement === d.replacement ? d : { text: d.text, replacement }), [d, replacement]);
  const show = (s: string): string => s.replace(/\n+/g, ' ⏎ ');
  return (
    <div className="fix-samples" lang="zh-Hans" data-testid="fix-samples">
      <h4>{t('defect.samples', { count: samples.length })}</h4>
      <ul>
        {samples.map((s, i) => (
          <li key={i}>
            …{show(s.before)}
            <del>{s.from}</del>
            <ins>{s.to}</ins>
            {show(s.after)}…
          </li>
        ))}
      </ul>
    </div>
  );
}
const CONTEXT = 16;
/**
 * A defect longer than this (code units of its text or its fix) is previewed by samples, with no
 * field holding it: laying out a whole hard-wrapped report twice in the inspector froze the
 * window for seconds on every finding shown after it.
 */
export const LONG_DEFECT = 2000;

/** Updated in place from one defect to the next, and kept mounted (hidden) while the inspector shows another kind of finding. */
export const DefectPanel = memo(function DefectPanel({ finding, review, active = true }: { finding: DefectFinding; review: Review | undefined; active?: boolean }): React.JSX.Element {
  const { t } = useI18n();
  const index = useStore(reportStore, (s) => s.model?.index);
  const d = finding.data;
  const replacement = effectiveData(finding, review).replacement;
  // a fix over the whole report: a notice over the report says it; here a few samples, and no field holding the whole text
  const wide = isReportWide(d) || d.end - d.start > LONG_DEFECT || d.text.length > LONG_DEFECT || (replacement?.length ?? 0) > LONG_DEFECT;
  const before = index && !wide ? index.slice(Math.max(0, d.start - CONTEXT), d.start) : '';
  const after = index && !wide ? index.slice(d.end, Math.min(index.length, d.end + CONTEXT)) : '';
  const text = wide ? '' : index ? index.slice(d.start, d.end) : d.text;
  const show = (s: string): string => s.replace(/\n/g, '⏎');
  return (
    <section className="field-group defect-panel" data-testid="defect-panel">
      <p className="muted" data-testid="defect-reason">
        {defectReason(d, t)}
      </p>
      {wide ? (
        <ReportWidePreview d={d} replacement={replacement} />
      ) : (
        <div className="fix-preview" lang="zh-Hans">
          <div>
            <h4>{t('defect.before')}</h4>
            <p>
              {show(before)}
              <del>{show(text)}</del>
              {show(after)}
            </p>
          </div>
          <div>
            <h4>{t('defect.after')}</h4>
            {replacement === null ? (
              <p className="muted">{t('defect.noFix')}</p>
            ) : (
              <p data-testid="defect-after">
                {show(before)}
                <ins>{show(replacement)}</ins>
                {show(after)}
              </p>
            )}
          </div>
        </div>
      )}
      {wide ? null : (
        <EditField
          id="d-replacement"
          label={t('defect.after')}
          value={replacement ?? ''}
          resetKey={finding.id}
          lang="zh-Hans"
          testId="field-replacement"
          focusName={active ? 'value' : undefined}
          onCommit={(v) => void applyAction({ type: 'setFields', findingId: finding.id, fields: { replacement: v } })}
          original={review?.fields.replacement !== undefined ? (d.replacement ?? '—') : null}
          originalLabel={(v) => t('field.original', { value: v })}
        />
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={replacement === null} onClick={() => void setStatus([finding.id], 'accepted')} data-testid="accept-fix">
          {t('defect.acceptFix')}
        </button>
      </div>
      <p className="muted small">{t('defect.note')}</p>
    </section>
  );
});
