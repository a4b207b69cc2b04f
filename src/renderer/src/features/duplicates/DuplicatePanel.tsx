/**
 * A duplicate: both places side by side with their character diff; actions: an error (which
 * copy to keep), boilerplate (a tag), dismiss (reject).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { registerFocus } from '../layout/ui';
import type { Finding, Review } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { applyAction, reportStore, scrollToSpan, setStatus } from '../report/store';
import { duplicateReason } from '../inspector/defect-reason';
import { diffPassages } from './diff';
import './duplicates.css';

type DuplicateFinding = Extract<Finding, { type: 'duplicate' }>;
type DiffPart = ReturnType<typeof diffPassages>[number];

/** One place of the pair: the common text plus what only this side has (deleted or inserted). */
function Side({ title, span, kept, parts, shows }: { title: string; span: { start: number; end: number }; kept: boolean; parts: DiffPart[]; shows: 'delete' | 'insert' }): React.JSX.Element {
  const other = shows === 'delete' ? 'insert' : 'delete';
  const { t } = useI18n();
  const box = useRef<HTMLParagraphElement>(null);
  const overflow = useOverflow(box, parts);
  return (
    <div className={kept ? 'side kept' : 'side'}>
      <h4>
        {title} <span className="muted num">{span.start}–{span.end}</span>
      </h4>
      <p lang="zh-Hans" ref={box} className={`visible-scroll${overflow ? ' overflowing' : ''}`} data-overflow={overflow ? 'true' : undefined} tabIndex={overflow ? 0 : undefined}>
        {parts.map((p, i) =>
          p.op === other ? null : p.op === 'delete' ? (
            <del key={i} className="diff-del">
              {p.text}
            </del>
          ) : p.op === 'insert' ? (
            <ins key={i} className="diff-ins">
              {p.text}
            </ins>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      {overflow ? (
        <div className="muted small scroll-hint" data-testid="dup-scroll-hint">
          {t('dup.scrollHint')}
        </div>
      ) : null}
    </div>
  );
}

/** Whether a fixed-height box holds more than it shows (measured after layout and on resize). */
function useOverflow(ref: React.RefObject<HTMLElement | null>, content: unknown): boolean {
  const [over, setOver] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setOver(el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, content]);
  return over;
}

/** Every place of a group found more than twice: the first two are compared above, all are listed here and can be shown in the report. */
function Places({ places, slice }: { places: { start: number; end: number }[]; slice: (start: number, end: number) => string }): React.JSX.Element {
  const { t } = useI18n();
  return (
    <section className="dup-places">
      <h4>{t('dup.places', { count: places.length })}</h4>
      <ol className="visible-scroll" data-testid="dup-places">
        {places.map((p, i) => {
          // 40 code points are shown: no more is read (a group of long paragraphs has many places)
          const text = [...slice(p.start, Math.min(p.end, p.start + 41))];
          return (
            <li key={`${p.start}-${p.end}`}>
              <button type="button" className="link" onClick={() => scrollToSpan(p)} title={t('dup.showPlace')} data-testid="dup-place">
                <span className="num muted">
                  {t('dup.placeN', { n: i + 1 })} · {p.start}–{p.end}
                </span>{' '}
                <span lang="zh-Hans">{text.length > 40 ? text.slice(0, 39).join('') + '…' : text.join('')}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export const BOILERPLATE_TAG = 'boilerplate';

export function DuplicatePanel({ finding, review }: { finding: DuplicateFinding; review: Review | undefined }): React.JSX.Element {
  const { t, count } = useI18n();
  const index = useStore(reportStore, (s) => s.model?.index);
  const d = finding.data;
  const a = index ? index.slice(d.a.start, d.a.end) : d.a.text;
  const b = index ? index.slice(d.b.start, d.b.end) : d.b.text;
  const parts = useMemo(() => diffPassages(a, b), [a, b]);
  const keep = review?.fields.keep as string | undefined;
  const tagged = review?.tags.includes(BOILERPLATE_TAG) ?? false;
  // e: a duplicate's correction is which copy to keep — the focus goes to that choice
  const keepFirst = useRef<HTMLButtonElement>(null);
  useEffect(() => registerFocus('value', () => keepFirst.current?.focus()), []);
  return (
    <section className="field-group dup-panel" data-testid="duplicate-panel">
      <p className="muted" data-testid="dup-reason">
        {duplicateReason(d, t, count)}
      </p>
      <div className="muted small num">
        {t('dup.length', { length: count(d.length) })}
        {d.similarity !== undefined ? ` · ${t('dup.similarity', { value: d.similarity.toFixed(2) })}` : ''}
        {d.places && d.places.length > 2 ? ` · ${t('dup.places', { count: d.places.length })}` : ''}
      </div>
      <div className="dup-sides" data-testid="diff">
        <Side title={t('dup.first')} span={d.a} kept={keep === 'a'} parts={parts} shows="delete" />
        <Side title={t('dup.second')} span={d.b} kept={keep === 'b'} parts={parts} shows="insert" />
      </div>
      <p className="muted small">{t('dup.diffLegend')}</p>
      {d.places && d.places.length > 2 ? <Places places={d.places} slice={(s, e) => (index ? index.slice(s, e) : '')} /> : null}
      {keep ? <p className="small">{t('dup.kept', { which: t(keep === 'a' ? 'dup.first' : 'dup.second') })}</p> : null}
      <div className="actions">
        <button type="button" onClick={() => void applyAction({ type: 'setFields', findingId: finding.id, fields: { keep: 'a' } })} aria-pressed={keep === 'a'} ref={keepFirst} data-testid="dup-keep-first">
          {t('dup.keepFirst')}
        </button>
        <button type="button" onClick={() => void applyAction({ type: 'setFields', findingId: finding.id, fields: { keep: 'b' } })} aria-pressed={keep === 'b'} data-testid="dup-keep-second">
          {t('dup.keepSecond')}
        </button>
        <button type="button" onClick={() => void applyAction({ type: 'toggleTag', findingId: finding.id, tag: BOILERPLATE_TAG })} aria-pressed={tagged} data-testid="dup-boilerplate">
          {t('dup.boilerplate')}
        </button>
        <button type="button" onClick={() => void setStatus([finding.id], 'rejected')} data-testid="dup-dismiss">
          {t('dup.dismiss')}
        </button>
      </div>
    </section>
  );
}
