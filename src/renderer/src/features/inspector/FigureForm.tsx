/** A figure's fields, all editable; a changed field records a correction (setFields), the original stays beside it. */
import { memo } from 'react';
import type { Approx, Figure, FigureKind } from '../../../../core/schema';
import { effectiveData } from '../../../../core/document/effective';
import type { Finding, Review } from '../../../../core/store-schema';
import { useI18n } from '../i18n/i18n';
import { applyAction, setStatus } from '../report/store';
import { EditField } from './EditField';
import { figureValueText } from './figure-value';
import { parseValueInput } from './parseValue';

const KINDS: FigureKind[] = ['count', 'money', 'percent', 'range', 'date', 'duration', 'name'];
const APPROX: (Exclude<Approx, null> | 'none')[] = ['none', 'more', 'less', 'about'];

type FigureFinding = Extract<Finding, { type: 'figure' }>;

/**
 * Updated in place from one figure to the next (its fields start afresh), and kept mounted while
 * the inspector shows another kind of finding (`active` false: hidden, `e` does not reach it).
 */
export const FigureForm = memo(function FigureForm({ finding, review, active = true }: { finding: FigureFinding; review: Review | undefined; active?: boolean }): React.JSX.Element {
  const { t, num } = useI18n();
  const orig = finding.data;
  const fields = review?.fields ?? {};
  const eff = effectiveData(finding, review);
  const status = review?.status ?? 'suggested';
  const set = (field: keyof Figure, value: unknown): void => {
    if (JSON.stringify(eff[field]) === JSON.stringify(value)) return;
    void applyAction({ type: 'setFields', findingId: finding.id, fields: { [field]: value } });
  };
  const originalOf = (field: keyof Figure, format: (v: unknown) => string = (v) => (v === null || v === undefined ? '—' : String(v))): string | null =>
    field in fields ? format(orig[field]) : null;
  // a date's value is a year: shown as 2023, not as the quantity 2,023
  const fmtNum = (v: unknown): string => (typeof v === 'number' ? figureValueText(v, eff.kind, num, eff.unit) : '—');
  const numberField = (field: 'value' | 'value_to', label: string, focusName?: string): React.JSX.Element => (
    <EditField
      id={`f-${field}`}
      label={label}
      numeric
      value={eff[field] === null || eff[field] === undefined ? '' : String(eff[field])}
      focusName={focusName}
      resetKey={finding.id}
      testId={`field-${field}`}
      normalize={(text) => {
        if (text.trim() === '') return '';
        const v = parseValueInput(text);
        return v === null ? null : String(v);
      }}
      preview={(text) => {
        const v = parseValueInput(text);
        return v === null ? t('field.unparsable') : t('field.parsed', { value: figureValueText(v, eff.kind, num, eff.unit) });
      }}
      onCommit={(text) => {
        if (text.trim() === '') {
          set(field, null);
          return null;
        }
        const v = parseValueInput(text);
        if (v === null) return t('field.unparsable');
        set(field, v);
        return null;
      }}
      original={originalOf(field, fmtNum)}
      originalLabel={(v) => t('field.original', { value: v })}
    />
  );
  return (
    <section className="field-group figure-form" data-testid="figure-form">
      <EditField id="f-text" label={t('field.text')} value={eff.text} resetKey={finding.id} lang="zh-Hans" testId="field-text" onCommit={(v) => set('text', v)} original={originalOf('text')} originalLabel={(v) => t('field.original', { value: v })} />
      <div className="field">
        <label htmlFor="f-kind">{t('field.kind')}</label>
        <div className="field-input">
          <select id="f-kind" value={eff.kind} onChange={(e) => set('kind', e.target.value)} data-testid="field-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {originalOf('kind') ? <span className="original">{t('field.original', { value: t(`kind.${orig.kind}`) })}</span> : null}
        </div>
      </div>
      {numberField('value', t('field.value'), active ? 'value' : undefined)}
      {eff.kind === 'range' || eff.value_to !== null ? numberField('value_to', t('field.valueTo')) : null}
      {orig.note && eff.value === null ? <p className="figure-note" data-testid="figure-note">{t(`figureNote.${orig.note.code}`, orig.note.params)}</p> : null}
      <EditField id="f-unit" label={t('field.unit')} value={eff.unit ?? ''} resetKey={finding.id} lang="zh-Hans" testId="field-unit" onCommit={(v) => set('unit', v.trim() === '' ? null : v.trim())} original={originalOf('unit')} originalLabel={(v) => t('field.original', { value: v })} />
      <div className="field">
        <label htmlFor="f-approx">{t('field.approx')}</label>
        <div className="field-input">
          <select id="f-approx" value={eff.approx ?? 'none'} onChange={(e) => set('approx', e.target.value === 'none' ? null : e.target.value)} data-testid="field-approx">
            {APPROX.map((a) => (
              <option key={a} value={a}>
                {t(`approx.${a}`)}
              </option>
            ))}
          </select>
          {originalOf('approx') ? <span className="original">{t('field.original', { value: t(`approx.${orig.approx ?? 'none'}`) })}</span> : null}
        </div>
      </div>
      <EditField id="f-metric" label={t('field.metric')} value={eff.metric ?? ''} resetKey={finding.id} lang="zh-Hans" testId="field-metric" onCommit={(v) => set('metric', v.trim() === '' ? null : v.trim())} original={originalOf('metric')} originalLabel={(v) => t('field.original', { value: v })} />
      <div className="field">
        <label htmlFor="f-status">{t('field.status')}</label>
        <div className="field-input">
          <select
            id="f-status"
            value={status === 'corrected' ? 'accepted' : status}
            onChange={(e) => void setStatus([finding.id], e.target.value as 'suggested' | 'accepted' | 'rejected')}
            data-testid="field-status"
          >
            <option value="suggested">{t('status.suggested')}</option>
            <option value="accepted">{t(status === 'corrected' ? 'status.corrected' : 'status.accepted')}</option>
            <option value="rejected">{t('status.rejected')}</option>
          </select>
          {Object.keys(fields).length > 0 ? (
            <button type="button" onClick={() => void applyAction({ type: 'setFields', findingId: finding.id, fields: Object.fromEntries(Object.keys(fields).map((k) => [k, (orig as Record<string, unknown>)[k]])) })}>
              {t('action.reset')}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
});
