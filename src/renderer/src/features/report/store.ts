/**
 * The open report: text, findings and reviews as the backend last answered, the derived model,
 * the selected finding and scroll requests. Review actions go to the backend (reviewApply /
 * reviewUndo / reviewRedo); the state shown after a call is the backend's answer.
 */
import type { DocumentFindings, PackedDocumentView, ReviewResult } from '../../../../core/api';
import { type PackedFinding, type Slicer, slicerOf, unpackFindings } from '../../../../core/findings-pack';
import { statusWhenSet, tagsToggled } from '../../../../core/document/effective';
import type { ReviewAction } from '../../../../core/review';
import type { DocumentMeta, Finding, Review, ReviewStatus } from '../../../../core/store-schema';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { setOrphanCount, updateDocumentMeta, workspaceStore } from '../documents/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { describeUndo, findingLabel } from './undo-feedback';
import { batchStepNotice } from '../rules/batch-notice'; // undo-s6
import { trackWrite } from '../statusbar/saveState';
import { filterStore, setFilter } from './filters';
import { type DocModel, buildModel, modelSteps, primarySpan, sameFindings } from './model';
import { TextIndex } from './offsets';
import { splitParagraphs } from '../../../../core/text';
import { DEFAULT_FILTER, type NavIndex, buildNavIndex, matchesFilter, nextUnreviewed, stepFinding } from './navigation';

export interface ScrollRequest {
  seq: number;
  start: number;
  end: number;
  /** the finding to bring into view (its element is measured after render) */
  findingId: string | null;
  /** scroll only when the span is off screen (the caret), not to the upper third */
  ensureVisible?: boolean;
}

export interface ReportState {
  docId: string | null;
  loading: boolean;
  meta: DocumentMeta | null;
  model: DocModel | null;
  reviews: Record<string, Review>;
  /** reviews whose finding could not be re-anchored after the source changed (never dropped) */
  orphans: Review[];
  /** changes whenever a new text is shown (the report view is rebuilt for it) */
  textVersion: number;
  canUndo: boolean;
  canRedo: boolean;
  selectedId: string | null;
  /** a span highlighted without a finding (a search hit) */
  spanHighlight: { start: number; end: number } | null;
  scroll: ScrollRequest | null;
}

export const reportStore = createStore<ReportState>({
  docId: null, loading: false, meta: null, model: null, reviews: {}, orphans: [], textVersion: 0, canUndo: false, canRedo: false, selectedId: null, spanHighlight: null, scroll: null,
});

let scrollSeq = 0;
let loadSeq = 0;

function requestScroll(start: number, end: number, findingId: string | null): ScrollRequest {
  return { seq: ++scrollSeq, start, end, findingId };
}

export async function openDocument(id: string, target?: { start: number; end: number }): Promise<void> {
  const seq = ++loadSeq;
  const cur = reportStore.get();
  if (cur.docId === id && cur.model) {
    if (target) showSpan(target);
    return;
  }
  reportStore.patch({ docId: id, loading: true, selectedId: null, spanHighlight: null });
  try {
    const client = getClient();
    mark('report:asked');
    // a long report: its text (and reviews) first, its findings asked for at once, apart — the
    // service answers them after the view, and the text is on screen before they are parsed
    const apart = (workspaceStore.get().workspace?.documents.find((d) => d.id === id)?.length ?? 0) >= LONG_TEXT;
    const viewAsked = client.documentView(apart ? { id, findings: 'apart' } : { id });
    const findingsAsked = apart ? client.documentFindings({ id, from: 0, size: CHUNK }) : null;
    findingsAsked?.catch(() => undefined); // its failure is handled where it is awaited
    const view = await viewAsked;
    if (seq !== loadSeq) return;
    // a long report is prepared in several tasks (each well under 100 ms), not in one long task
    // that freezes the window: the text index, the findings, the model, then the first render
    const shown = (model: DocModel): void =>
      reportStore.patch({ docId: id, loading: false, meta: view.meta, model, reviews: view.reviews, orphans: view.orphans, textVersion: reportStore.get().textVersion + 1, canUndo: view.canUndo, canRedo: view.canRedo, selectedId: null, spanHighlight: null, scroll: null });
    const { model, changed } = await modelInTasks(view, findingsAsked, () => seq === loadSeq, shown);
    if (seq !== loadSeq) return;
    if (reportStore.get().model?.pending && reportStore.get().docId === id) reportStore.patch({ model });
    else shown(model);
    // the report changed between its view and its findings: shown again as it is now
    if (changed) applyView(changed);
    setOrphanCount(id, view.orphans.length);
    if (target) showSpan(target);
    // the first j finds the navigation index and the findings by id built (one task each)
    else afterPaint(() => {
      currentNav();
      setTimeout(() => reportStore.get().model?.byId, 0);
    });
  } catch (e) {
    if (seq !== loadSeq) return;
    reportStore.patch({ loading: false, docId: cur.docId });
    reportError(e, 'documentView');
  }
}

/** Lets the browser run other tasks (input, paint) before the next step; no 4 ms timer clamp. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return Promise.resolve();
  return new Promise((ok) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      ok();
    };
    ch.port2.postMessage(null);
  });
}

/**
 * modelOf in steps, each its own task (only a long text is worth the extra tasks). The text is
 * shown first (`showText`: its paragraphs, no findings yet — what the first screen needs), then
 * the findings are parsed (when they came apart: one JSON chunk per task), unpacked and placed
 * in the tasks after that paint.
 */
async function modelInTasks(
  view: PackedDocumentView,
  findingsAsked: Promise<DocumentFindings> | null,
  current: () => boolean,
  showText: (m: DocModel) => void,
): Promise<{ model: DocModel; changed?: PackedDocumentView }> {
  const apart = view.findingsApart !== undefined;
  if (view.text.length < 100_000 && !apart) return { model: modelOf(view) };
  // the steps are marked on the performance timeline (the perf spec prints them)
  mark('report:view');
  await nextTask();
  const index = new TextIndex(view.text);
  const paragraphs = splitParagraphs(view.text, index.map);
  mark('report:index');
  if (current()) {
    showText({ ...buildModel(view.text, [], index, paragraphs), pending: true });
    mark('report:text');
  }
  await afterPaintTask();
  // the findings unpacked and placed CHUNK per task: no task holds the window long
  const slice = slicerOf(view.text, index.map);
  let findings: Finding[] = [];
  let changed: PackedDocumentView | undefined;
  if (apart) {
    const got = await findingsApart(view, findingsAsked, slice);
    if ('changed' in got) changed = got.changed;
    else findings = got.findings;
    if (!current() || changed) return { model: buildModel(view.text, findings, index, paragraphs), changed };
  } else {
    for (let i = 0; i < view.findings.length; i += CHUNK) {
      if (i > 0) await nextTask();
      findings = findings.concat(unpackFindings(view.findings.slice(i, i + CHUNK), slice));
    }
  }
  mark('report:findings');
  await nextTask();
  const steps = modelSteps(findings, index, paragraphs, CHUNK);
  let r = steps.next();
  while (!r.done) {
    await nextTask();
    r = steps.next();
  }
  mark('report:model');
  await nextTask();
  return { model: r.value };
}

/**
 * The findings that came apart from the view, in parts of CHUNK: the first asked with the view,
 * the others at once when it answers (their count is known then); each part is parsed in its own
 * task (its own answer) and unpacked in the next. Findings of another state of the document
 * (changed between the answers) are not used: the whole view is asked for again — its findings,
 * or (another text) the view itself.
 */
async function findingsApart(view: PackedDocumentView, asked: Promise<DocumentFindings> | null, slice: Slicer): Promise<{ findings: Finding[] } | { changed: PackedDocumentView }> {
  const id = view.meta.id;
  const client = getClient();
  const first = await (asked ?? client.documentFindings({ id, from: 0, size: CHUNK }));
  const same = (part: DocumentFindings): boolean => part.sha256 === view.meta.sha256 && part.count === view.findingsApart;
  if (same(first)) {
    const parts: Promise<DocumentFindings>[] = [];
    for (let from = CHUNK; from < first.count; from += CHUNK) parts.push(client.documentFindings({ id, from, size: CHUNK }));
    for (const p of parts) p.catch(() => undefined); // a failure is met where the part is awaited
    const out = unpackFindings(first.findings, slice);
    let ok = first.from === 0;
    for (let i = 0; ok && i < parts.length; i++) {
      const part = await parts[i];
      ok = same(part) && part.from === CHUNK * (i + 1);
      await nextTask();
      if (ok) for (const f of unpackFindings(part.findings, slice)) out.push(f);
    }
    if (ok && out.length === first.count) return { findings: out };
  }
  const whole = await client.documentView({ id });
  return whole.text === view.text ? { findings: unpackFindings(whole.findings, slice) } : { changed: whole };
}

/** findings unpacked or placed per task while a long report opens */
const CHUNK = 2000;
/** a report at least this long (code points) opens with its findings apart from its text */
const LONG_TEXT = 100_000;

/**
 * A task once the text shown first is on screen: after the frame that paints it and the one after
 * (the first screen is not held up by the findings being prepared).
 */
function afterPaintTask(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return nextTask();
  return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0))));
}

function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** The model of a packed view: the text index is built once, for unpacking and for the model. */
function modelOf(view: PackedDocumentView): DocModel {
  const index = new TextIndex(view.text);
  return buildModel(view.text, unpackFindings(view.findings, slicerOf(view.text, index.map)), index);
}

/**
 * Shows a whole new view of the open report (after its source was re-decoded, or an orphan
 * was resolved): text, findings, reviews and orphans as the backend answered.
 */
export function applyView(view: PackedDocumentView): void {
  const s = reportStore.get();
  updateDocumentMeta(view.meta);
  setOrphanCount(view.meta.id, view.orphans.length);
  if (s.docId !== view.meta.id) return;
  const sameText = s.model !== null && s.model.index.text === view.text;
  let model: DocModel;
  if (sameText && s.model) {
    const findings = unpackFindings(view.findings, slicerOf(s.model.index.text, s.model.index.map));
    model = sameFindings(s.model.findings, findings) ? s.model : buildModel(view.text, findings, s.model.index);
  } else model = modelOf(view);
  const selectedId = s.selectedId && model.byId.has(s.selectedId) ? s.selectedId : null;
  reportStore.patch({
    model, meta: view.meta, reviews: view.reviews, orphans: view.orphans, canUndo: view.canUndo, canRedo: view.canRedo, selectedId,
    ...(sameText ? {} : { spanHighlight: null, scroll: null, textVersion: s.textVersion + 1 }),
  });
}

/**
 * A report re-analysed in the background (its file changed on disk while the workspace was
 * closed, read again after the open answered) is shown again when the workspace says so: the
 * open view would otherwise keep the old text and miss the reviews waiting as orphans.
 */
workspaceStore.subscribe(() => {
  const s = reportStore.get();
  if (!s.docId || !s.meta || s.loading) return;
  const now = workspaceStore.get().workspace?.documents.find((d) => d.id === s.docId);
  if (!now || (now.sha256 === s.meta.sha256 && now.importedAt === s.meta.importedAt)) return;
  const id = s.docId;
  getClient()
    .documentView({ id })
    .then((view) => {
      if (reportStore.get().docId === id) applyView(view);
    })
    .catch((e: unknown) => reportError(e, 'documentView'));
});

/** Opens a report with one finding selected (from the Figures table); the filter is widened if it hides the finding. */
export async function openFinding(documentId: string, findingId: string): Promise<boolean> {
  await openDocument(documentId);
  const s = reportStore.get();
  if (s.docId !== documentId || !s.model) return false;
  const f = s.model.byId.get(findingId);
  if (!f) return false;
  if (!matchesFilter(f, s.reviews[findingId], filterStore.get())) setFilter({ ...DEFAULT_FILTER, showDimmed: filterStore.get().showDimmed });
  selectFinding(findingId);
  return true;
}

/** Selects a span (a search hit): the finding exactly there if any, else a plain highlight. */
export function showSpan(span: { start: number; end: number }): void {
  const s = reportStore.get();
  const hit = s.model?.order.find((f) => {
    const p = primarySpan(f);
    return p.start === span.start && p.end === span.end;
  });
  if (hit) {
    selectFinding(hit.id);
    return;
  }
  reportStore.patch({ selectedId: null, spanHighlight: span, scroll: requestScroll(span.start, span.end, null) });
}

/** Scrolls the report to a span, keeping the selection (another place of the selected duplicate). */
export function scrollToSpan(span: { start: number; end: number }): void {
  reportStore.patch({ scroll: requestScroll(span.start, span.end, null) });
}

export function selectFinding(id: string | null, scroll = true): void {
  const s = reportStore.get();
  if (id === null) {
    reportStore.patch({ selectedId: null, spanHighlight: null });
    return;
  }
  const f = s.model?.byId.get(id);
  if (!f) return;
  const span = primarySpan(f);
  reportStore.patch({ selectedId: id, spanHighlight: null, ...(scroll ? { scroll: requestScroll(span.start, span.end, id) } : {}) });
}

// ---- navigation (cached index over the filtered findings) ----

/** Runs fn in a task after the next paint. */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => setTimeout(fn, 0));
}

let navCache: { order: Finding[]; reviews: Record<string, Review>; filter: unknown; nav: NavIndex } | null = null;

export function currentNav(): NavIndex | null {
  const s = reportStore.get();
  if (!s.model) return null;
  const filter = filterStore.get();
  // a review changes the index only when the filter looks at reviews (status, tag)
  const byReview = filter.status !== 'all' || filter.tag !== 'all';
  if (navCache && navCache.order === s.model.order && (!byReview || navCache.reviews === s.reviews) && navCache.filter === filter) return navCache.nav;
  const nav = buildNavIndex(s.model.order, s.reviews, filter);
  navCache = { order: s.model.order, reviews: s.reviews, filter, nav };
  return nav;
}

function selectionPosition(): number | null {
  const s = reportStore.get();
  if (s.selectedId && s.model) {
    const f = s.model.byId.get(s.selectedId);
    if (f) return primarySpan(f).start;
  }
  return s.spanHighlight ? s.spanHighlight.start : null;
}

/**
 * After the filters change, the selection is a finding they let through: a selected finding
 * they now hide gives way to the nearest one after it (else before it), or to none — the
 * inspector never shows a finding the list does not.
 */
export function keepSelectionInFilter(): void {
  const s = reportStore.get();
  if (!s.selectedId || !s.model) return;
  const f = s.model.byId.get(s.selectedId);
  if (!f || matchesFilter(f, s.reviews[s.selectedId], filterStore.get())) return;
  const nav = currentNav();
  const at = primarySpan(f).start;
  const next = nav ? (stepFinding(nav, null, 1, at) ?? stepFinding(nav, null, -1, at)) : null;
  selectFinding(next ? next.id : null);
}
filterStore.subscribe(keepSelectionInFilter);

export function step(dir: 1 | -1): void {
  const nav = currentNav();
  if (!nav) return;
  const f = stepFinding(nav, reportStore.get().selectedId, dir, selectionPosition());
  if (f) selectFinding(f.id);
}

export function nextUnreviewedFinding(): void {
  const nav = currentNav();
  if (!nav) return;
  const f = nextUnreviewed(nav, reportStore.get().reviews, reportStore.get().selectedId, selectionPosition());
  if (f) selectFinding(f.id);
}

// ---- review actions ----

let writeSeq = 0;
/** the newest write whose answer was taken in */
let answeredSeq = 0;

/**
 * Findings from a review answer that was not shown (a later answer was awaited): a later answer
 * may carry no findings (its step added or removed none), and these are still the newest.
 */
let unshownFindings: { docId: string; findings: PackedFinding[] } | null = null;

function applyResult(docId: string, r: ReviewResult): void {
  const s = reportStore.get();
  updateDocumentMeta(r.meta);
  const packed = r.findings ?? (unshownFindings?.docId === docId ? unshownFindings.findings : null);
  unshownFindings = null;
  if (s.docId !== docId || !s.model) return;
  let model = s.model;
  if (packed) {
    const findings = unpackFindings(packed, slicerOf(model.index.text, model.index.map));
    if (!sameFindings(model.findings, findings)) model = buildModel(model.index.text, findings, model.index);
  }
  const selectedId = s.selectedId && model.byId.has(s.selectedId) ? s.selectedId : null;
  reportStore.patch({ model, reviews: r.reviews, canUndo: r.canUndo, canRedo: r.canRedo, meta: r.meta, selectedId });
}

async function resync(docId: string): Promise<void> {
  try {
    const view = await getClient().documentView({ id: docId });
    unshownFindings = null;
    applyResult(docId, { findings: view.findings, reviews: view.reviews, canUndo: view.canUndo, canRedo: view.canRedo, meta: view.meta });
  } catch (e) {
    reportError(e, 'documentView');
  }
}

/** Whether an action is shown by a local preview before the backend answers (a status or a tag). */
function hasPreview(action: ReviewAction | undefined): boolean {
  return action !== undefined && (action.type === 'setStatus' || action.type === 'toggleTag');
}

/** Local preview of a status change (by the review rules of core/document), replaced by the backend's answer. */
function optimistic(action: ReviewAction): void {
  if (action.type !== 'setStatus' && action.type !== 'toggleTag') return;
  const s = reportStore.get();
  const reviews = { ...s.reviews };
  const now = new Date().toISOString();
  const base = (id: string): Review => reviews[id] ?? { findingId: id, status: 'suggested', fields: {}, tags: [], note: '', updatedAt: now, annotator: '', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' } };
  if (action.type === 'setStatus') {
    for (const id of action.findingIds) {
      const r = base(id);
      reviews[id] = { ...r, status: statusWhenSet(r, action.status), updatedAt: now };
    }
  } else {
    const r = base(action.findingId);
    reviews[action.findingId] = { ...r, tags: tagsToggled(r.tags, action.tag), updatedAt: now };
  }
  reportStore.patch({ reviews });
}

/** the wait of the last write held back until its preview was painted (later writes wait for it too: the order is kept) */
let held: Promise<void> | null = null;

/**
 * A decision shows at once (its local preview) and is sent after the frame that paints it: the
 * request, and whatever runs meanwhile, does not hold up that frame. A write with no preview
 * (undo, redo, a correction) goes at once — after any write still held, so they stay in order.
 */
function holdUntilPainted(action: ReviewAction | undefined): Promise<void> | null {
  if (!hasPreview(action) || typeof requestAnimationFrame === 'undefined') return held;
  const wait = new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  held = wait;
  void wait.then(() => {
    if (held === wait) held = null;
  });
  return wait;
}

/** The next idle moment of the window (at most 250 ms away). */
function whenIdle(): Promise<void> {
  const w = globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  if (typeof w.requestIdleCallback === 'function') return new Promise((ok) => w.requestIdleCallback!(() => ok(), { timeout: 250 }));
  return new Promise((ok) => setTimeout(ok, 0));
}

async function write(kind: 'apply' | 'undo' | 'redo', action?: ReviewAction): Promise<boolean> {
  const docId = reportStore.get().docId;
  if (!docId) return false;
  const seq = ++writeSeq;
  if (action) optimistic(action);
  const client = getClient();
  const s0 = reportStore.get();
  const before = kind !== 'apply' && s0.model ? { findings: s0.model.findings, reviews: s0.reviews } : null;
  const wait = holdUntilPainted(action);
  try {
    const r = await trackWrite(async () => {
      if (wait) await wait;
      return kind === 'apply' ? client.reviewApply({ documentId: docId, action: action! }) : kind === 'undo' ? client.reviewUndo({ documentId: docId }) : client.reviewRedo({ documentId: docId });
    });
    // a decision's answer changes nothing the preview did not show already: it is applied when
    // the window is idle, not in the middle of the next key's frame (undo and redo, shown by
    // their answer, are applied at once)
    if (kind === 'apply' && hasPreview(action) && seq === writeSeq) await whenIdle();
    // answers arrive in order; the last one holds every earlier change
    if (seq === writeSeq) {
      answeredSeq = seq;
      applyResult(docId, r);
      mark('review:applied'); // the perf spec tells a key whose frame took in an answer
      if (kind !== 'apply' && !batchStepNotice(kind, r.batch) && before) undoFeedback(kind, before); // undo-s6: a batch's toast instead
    } else if (seq > answeredSeq) {
      // (an answer that waited for an idle moment may come after a later one: it is older news)
      answeredSeq = seq;
      if (r.findings) unshownFindings = { docId, findings: r.findings };
      updateDocumentMeta(r.meta);
    }
    return true;
  } catch (e) {
    reportError(e, kind === 'apply' ? `reviewApply ${action?.type}` : `review${kind}`);
    await resync(docId);
    return false;
  }
}

/**
 * After an undo or redo: a brief notice of what was undone ("已撤销：接受 召开常委会会议9次") and
 * the finding it touched selected, so the analyst is back where the step was made.
 */
function undoFeedback(kind: 'undo' | 'redo', before: { findings: Finding[]; reviews: Record<string, Review> }): void {
  const s = reportStore.get();
  if (!s.model) return;
  const change = describeUndo(kind, before, { findings: s.model.findings, reviews: s.reviews });
  if (!change) return;
  const first = change.findingIds[0];
  const f = s.model.byId.get(first) ?? before.findings.find((x) => x.id === first);
  const what = change.findingIds.length > 1 ? t('undo.items', { count: change.findingIds.length }) : f ? findingLabel(f, (a, b) => s.model!.index.slice(a, b)) : '';
  // brief: in the status bar, where it covers no list, pane or button
  showNotice(t(kind === 'undo' ? 'undo.done' : 'redo.done', { action: t(`undo.verb.${change.verb}` as MessageKey), what }), 3500, true);
  if (change.selectId) {
    const target = s.model.byId.get(change.selectId);
    // a finding the filter hides is not selected (the inspector would show what the list does not)
    if (target && matchesFilter(target, s.reviews[change.selectId], filterStore.get())) selectFinding(change.selectId);
  }
}

export const applyAction = (action: ReviewAction): Promise<boolean> => write('apply', action);
export const undo = (): Promise<boolean> => write('undo');
export const redo = (): Promise<boolean> => write('redo');

export function setStatus(ids: string[], status: ReviewStatus): Promise<boolean> {
  if (ids.length === 0) return Promise.resolve(false);
  return applyAction({ type: 'setStatus', findingIds: ids, status });
}


// ui-b: issue 15
/** Brings a span into view without selecting anything (caret mode): scrolls only when it is off screen. */
export function ensureSpanVisible(start: number, end: number): void {
  reportStore.patch({ scroll: { ...requestScroll(start, end, null), ensureVisible: true } });
}
