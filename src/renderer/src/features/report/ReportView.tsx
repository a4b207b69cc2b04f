/**
 * The report text, virtualised: only the paragraphs in (and near) the viewport are in the DOM.
 * Heights are estimated, then measured; the scroll position is anchored to the paragraph at the
 * top when measurements change. Scroll requests (j/k, search hits) bring their span into the
 * upper third of the view.
 */
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Review } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { layoutStore } from '../layout/store';
import { filterStore } from './filters';
import { type DocModel, type Mark, paragraphAt } from './model';
import { type FindingFilter, matchesFilter } from './navigation';
import { Paragraph } from './Paragraph';
import { clearTextSelection, readSelection, selectionStore } from './selection';
import { type ScrollRequest, reportStore, selectFinding } from './store';
import { Geometry, type Metrics } from './virtual';
import './report.css';

const OVERSCAN = 700;
/** paragraphs added to the margins per task when they grow */
const GROW_STEP = 6;
/** the band of the viewport a target may sit in without scrolling, and where it is put */
const BAND_TOP = 0.05;
const BAND_BOTTOM = 0.34;
const PLACE_AT = 0.2;

export function ReportView(): React.JSX.Element {
  const { t } = useI18n();
  const model = useStore(reportStore, (s) => s.model);
  const loading = useStore(reportStore, (s) => s.loading);
  const docId = useStore(reportStore, (s) => s.docId);
  const textVersion = useStore(reportStore, (s) => s.textVersion);
  if (!model) {
    return (
      <div className="report-empty" data-testid="report-placeholder">
        {loading ? t('report.loading') : t('report.none')}
      </div>
    );
  }
  return <VirtualReport key={`${docId}:${textVersion}`} model={model} />;
}

function readMetrics(column: HTMLElement): Metrics {
  const cs = getComputedStyle(column);
  const fontPx = parseFloat(cs.fontSize) || 17;
  const lh = parseFloat(cs.getPropertyValue('--report-line-height')) || 1.8;
  const width = Math.min(column.clientWidth || 640, fontPx * 40);
  return { fontPx, lineHeightPx: fontPx * lh, gapPx: fontPx * 0.7, columnPx: width };
}

function markSig(marks: Mark[], reviews: Record<string, Review>): string {
  let s = '';
  for (const m of marks) {
    const r = reviews[m.id];
    if (r) s += `${m.id}:${r.status}:${r.updatedAt}|`;
  }
  return s;
}

function VirtualReport({ model }: { model: DocModel }): React.JSX.Element {
  const reviews = useStore(reportStore, (s) => s.reviews);
  const selectedId = useStore(reportStore, (s) => s.selectedId);
  const spanHighlight = useStore(reportStore, (s) => s.spanHighlight);
  const scroll = useStore(reportStore, (s) => s.scroll);
  const filter = useStore(filterStore, (s) => s);
  const serif = useStore(layoutStore, (s) => s.serif);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const n = model.paragraphs.length;
  const geoRef = useRef<Geometry | null>(null);
  if (!geoRef.current) {
    const lengths = Int32Array.from(model.paragraphs.map((p) => p.end - p.start));
    geoRef.current = new Geometry(lengths, { fontPx: 17, lineHeightPx: 17 * 1.8, gapPx: 12, columnPx: 680 });
  }
  const geo = geoRef.current;
  // The paragraphs rendered: those on screen, and a margin above and below. What comes on
  // screen (a scroll, a jump, `j`) is rendered at once; the margins follow after the paint,
  // GROW_STEP paragraphs per task, so no frame waits for paragraphs nobody sees yet.
  const [range, setRange] = useState<[number, number]>(() => geo.range(0, window.innerHeight || 800, 0));
  const rangeRef = useRef(range);
  rangeRef.current = range;
  const growTimer = useRef<{ raf: number; timeout: number } | null>(null);
  const [, force] = useReducer((x: number) => x + 1, 0);
  const handledScroll = useRef(0);
  const pending = useRef<{ req: ScrollRequest; tries: number } | null>(null);

  const viewportHeight = (): number => scrollerRef.current?.clientHeight || 800;

  /** `grow`: the task after a paint that grows the margins. */
  const updateRange = useCallback(
    (grow = false) => {
      const el = scrollerRef.current;
      if (!el) return;
      const top = el.scrollTop;
      const h = el.clientHeight || 800;
      const full = geo.range(top, h, OVERSCAN);
      const old = rangeRef.current;
      if (old[0] === full[0] && old[1] === full[1]) return;
      const screen = geo.range(top, h, 0);
      let next: [number, number];
      if (full[0] >= old[1] || full[1] <= old[0]) next = screen; // a jump: nothing rendered is kept
      else if (grow) next = [Math.max(full[0], Math.min(old[0], screen[0]) - GROW_STEP), Math.min(full[1], Math.max(old[1], screen[1]) + GROW_STEP)];
      else next = [Math.max(full[0], Math.min(old[0], screen[0])), Math.min(full[1], Math.max(old[1], screen[1]))];
      if ((next[0] !== full[0] || next[1] !== full[1]) && !growTimer.current) {
        // after the next paint: a task queued from an animation frame runs once it is painted
        const timer = { raf: 0, timeout: 0 };
        timer.raf = requestAnimationFrame(() => {
          timer.timeout = window.setTimeout(() => {
            growTimer.current = null;
            updateRangeRef.current(true);
          }, 0);
        });
        growTimer.current = timer;
      }
      if (next[0] !== old[0] || next[1] !== old[1]) {
        rangeRef.current = next;
        setRange(next);
      }
    },
    [geo],
  );
  const updateRangeRef = useRef(updateRange);
  updateRangeRef.current = updateRange;
  useLayoutEffect(
    () => () => {
      const timer = growTimer.current;
      if (timer) {
        cancelAnimationFrame(timer.raf);
        clearTimeout(timer.timeout);
      }
    },
    [],
  );

  // metrics: on mount and whenever the column's size changes
  useLayoutEffect(() => {
    const column = columnRef.current;
    const scroller = scrollerRef.current;
    if (!column || !scroller) return;
    const apply = (): void => {
      const top = scroller.scrollTop;
      const anchor = geo.indexAt(top);
      const delta = top - geo.offsets[anchor];
      if (geo.setMetrics(readMetrics(column))) {
        scroller.scrollTop = geo.offsets[anchor] + delta;
        force();
      }
      updateRange();
    };
    apply();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => apply());
    ro.observe(scroller);
    return () => ro.disconnect();
  }, [geo, updateRange, serif]);

  // after every render: measure rendered paragraphs, keep the anchor, serve scroll requests
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const column = columnRef.current;
    if (!scroller || !column) return;
    const top = scroller.scrollTop;
    const anchor = geo.indexAt(top);
    const delta = top - geo.offsets[anchor];
    let changed = false;
    for (const el of column.querySelectorAll<HTMLElement>('p[data-pi]')) {
      const h = el.getBoundingClientRect().height;
      if (h > 0 && geo.measure(Number(el.dataset.pi), h)) changed = true;
    }
    if (changed) {
      geo.recompute();
      const want = geo.offsets[anchor] + delta;
      if (Math.abs(want - scroller.scrollTop) > 0.5) scroller.scrollTop = want;
      force();
    }
    if (scroll && scroll.seq !== handledScroll.current) {
      handledScroll.current = scroll.seq;
      pending.current = { req: scroll, tries: 0 };
    }
    const job = pending.current;
    if (!job) return;
    const p = paragraphAt(model.starts, job.req.start);
    if (p < 0) {
      pending.current = null;
      return;
    }
    const h = viewportHeight();
    const paraEl = column.querySelector<HTMLElement>(`p[data-pi="${p}"]`);
    if (paraEl && job.tries < 4) {
      let target: HTMLElement | null = null;
      for (const seg of paraEl.querySelectorAll<HTMLElement>('[data-s]')) {
        if (Number(seg.dataset.s) <= job.req.start) target = seg;
        else break;
      }
      const rect = (target ?? paraEl).getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      const y = rect.top - box.top;
      if (job.req.ensureVisible) {
        if (y < 0 || rect.bottom - box.top > h) scroller.scrollTop = Math.max(0, scroller.scrollTop + y - h * PLACE_AT);
      } else if (y < h * BAND_TOP || y > h * BAND_BOTTOM || rect.bottom - box.top > h) {
        scroller.scrollTop = Math.max(0, scroller.scrollTop + y - h * PLACE_AT);
      }
      pending.current = null;
      updateRange();
      return;
    }
    if (job.tries >= 4) {
      pending.current = null;
      return;
    }
    job.tries++;
    // not rendered yet: jump by the estimate, render there, and refine on the next pass
    const para = model.paragraphs[p];
    const frac = para.end > para.start ? (job.req.start - para.start) / (para.end - para.start) : 0;
    scroller.scrollTop = Math.max(0, geo.offsets[p] + frac * geo.heights[p] - h * PLACE_AT);
    updateRange();
    // the next pass measures what was rendered there (a render even if the range did not change)
    force();
  });

  const needsReviews = filter.status !== 'all' || filter.tag !== 'all';
  const markCache = useMemo(() => new Map<number, Mark[]>(), [model, filter, needsReviews ? reviews : null, spanHighlight]);
  const visibleMarks = (i: number): Mark[] => {
    let m = markCache.get(i);
    if (m) return m;
    m = filterMarks(model, i, reviews, filter, spanHighlight);
    markCache.set(i, m);
    return m;
  };

  const onClick = (e: React.MouseEvent): void => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-fid]');
    if (!el) return;
    const ids = el.dataset.fids?.split(' ') ?? [el.dataset.fid!];
    const cur = reportStore.get().selectedId;
    const i = cur ? ids.indexOf(cur) : -1;
    selectFinding(ids[(i + 1) % ids.length] ?? el.dataset.fid!, false);
  };

  const onMouseUp = (): void => {
    const column = columnRef.current;
    if (!column) return;
    // after the browser updates the selection
    requestAnimationFrame(() => {
      const sel = readSelection(column, model.index);
      if (sel) selectionStore.set({ sel });
      else if (selectionStore.get().sel) clearTextSelection();
    });
  };

  const [first, last] = range;
  const items: React.JSX.Element[] = [];
  for (let i = first; i < Math.min(last, n); i++) {
    const marks = visibleMarks(i);
    const hasSel = selectedId !== null && marks.some((m) => m.id === selectedId);
    items.push(
      <Paragraph
        key={i}
        index={i}
        para={model.paragraphs[i]}
        text={model.index}
        marks={marks}
        reviews={reviews}
        sig={markSig(marks, reviews)}
        selectedId={hasSel ? selectedId : null}
        lang="zh-Hans"
      />,
    );
  }
  const topPad = geo.offsets[Math.min(first, n)];
  const bottomPad = Math.max(0, geo.total - geo.offsets[Math.min(last, n)]);
  return (
    <div className="report-scroller" ref={scrollerRef} onScroll={() => updateRange()} tabIndex={-1} data-testid="report-scroller">
      <div
        className={serif ? 'report-column serif' : 'report-column'}
        ref={columnRef}
        data-testid="report-view"
        data-paragraphs={n}
        data-first={first}
        data-last={last}
        onClick={onClick}
        onMouseUp={onMouseUp}
        style={{ paddingTop: topPad, paddingBottom: bottomPad }}
      >
        {n === 0 ? <EmptyText /> : items}
      </div>
    </div>
  );
}

function EmptyText(): React.JSX.Element {
  const { t } = useI18n();
  return <div className="report-empty">{t('report.emptyText')}</div>;
}

function filterMarks(model: DocModel, i: number, reviews: Record<string, Review>, filter: FindingFilter, span: { start: number; end: number } | null): Mark[] {
  const all = model.marks[i];
  const drawFilter = { ...filter, showDimmed: true };
  const out = all.filter((m) => {
    const f = m.finding ?? model.byId.get(m.id);
    return f ? matchesFilter(f, reviews[m.id], drawFilter) : false;
  });
  const para = model.paragraphs[i];
  if (span && span.end > para.start && span.start < para.end) {
    out.push({ id: '__search__', type: 'search', kind: 'search', start: span.start, end: span.end, primary: true, dimmed: false, point: false });
  }
  return out.length === all.length && !span ? all : out;
}
