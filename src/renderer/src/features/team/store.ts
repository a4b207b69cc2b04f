/**
 * The team features' state: the Team page (tab, Syncthing status, assignment, agreement,
 * adjudication queue), the teammates' layers of the open report, "my queue" for the report list,
 * and the filters the analyst keeps (remembered in localStorage).
 *
 * The layers of the open report follow the report store: opening a report loads them, and a
 * teammate's reviews arriving (the service's `teamChanged` event) reload them without touching
 * the selection (it lives in the report store; only the layers change).
 */
import type { AdjudicationChoice, AdjudicationQueueView, AdjudicationSummaryView, AssignmentView, MyQueueView, TeamAgreementView, TeamAnalyst, TeamLayersView, TeamStatusView } from '../../../../core/team/api';
import type { AgreementMeasure } from '../../../../core/team';
import { getClient } from '../../api/client';
import { createPersistedStore, createStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { reportError } from '../errors/store';
import { applyView, reportStore } from '../report/store';
import { showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { trackWrite } from '../statusbar/saveState';
import { DEFAULT_LAYER_FILTER, type LayerFilter } from './layers';
import { moveIndex, nextOpen, queueOrder } from './queue';

export type TeamTab = 'sync' | 'assign' | 'agreement' | 'adjudicate';

export type QueueItem = AdjudicationQueueView['items'][number];

export interface TeamState {
  tab: TeamTab;
  analysts: TeamAnalyst[];
  status: TeamStatusView | null;
  statusLoading: boolean;
  /** why the status could not be read at all (the service itself failed) */
  statusError: unknown;
  /** the last sync action's error (add device, share), shown under its form */
  actionError: unknown;
  actionBusy: boolean;
  /** the open report's layers (every analyst's decisions) */
  layers: TeamLayersView | null;
  assignment: AssignmentView | null;
  myQueue: MyQueueView | null;
  agreement: TeamAgreementView | null;
  agreementLoading: boolean;
  agreementKind: string;
  agreementMeasure: AgreementMeasure;
  /** the report drilled into, or null */
  agreementDoc: string | null;
  /** that report's agreement (every kind's figures: the service's per-report rows carry 'all' only) */
  agreementDocView: TeamAgreementView | null;
  summary: AdjudicationSummaryView | null;
  /** the adjudication queue of one report, items in queue order, and the current one */
  queue: (AdjudicationQueueView & { order: QueueItem[] }) | null;
  adjDoc: string | null;
  adjIndex: number;
  adjLoading: boolean;
  adjBusy: boolean;
  /** the current item's side being edited (e) */
  editing: { item: string; take: string } | null;
}

export const teamStore = createStore<TeamState>({
  tab: 'sync', analysts: [], status: null, statusLoading: false, statusError: null, actionError: null, actionBusy: false, layers: null, assignment: null, myQueue: null,
  agreement: null, agreementLoading: false, agreementKind: 'all', agreementMeasure: 'f1', agreementDoc: null, agreementDocView: null, summary: null, queue: null, adjDoc: null, adjIndex: 0, adjLoading: false, adjBusy: false, editing: null,
});

export interface TeamPrefs {
  layerFilter: LayerFilter;
  /** the report list shows only the analyst's queue */
  myQueue: boolean;
}

export const teamPrefs = createPersistedStore<TeamPrefs>('report-annotator.team', (raw) => {
  const def: TeamPrefs = { layerFilter: DEFAULT_LAYER_FILTER, myQueue: false };
  try {
    const v = JSON.parse(raw ?? '{}') as Partial<TeamPrefs>;
    const f = v.layerFilter;
    return {
      layerFilter: f && typeof f.analyst === 'string' && typeof f.mineOnly === 'boolean' ? { analyst: f.analyst, mineOnly: f.mineOnly } : def.layerFilter,
      myQueue: v.myQueue === true,
    };
  } catch {
    return def;
  }
});

export function setTab(tab: TeamTab): void {
  teamStore.patch({ tab });
}

export function setLayerFilter(part: Partial<LayerFilter>): void {
  teamPrefs.patch({ layerFilter: { ...teamPrefs.get().layerFilter, ...part } });
}

export function setMyQueueFilter(on: boolean): void {
  teamPrefs.patch({ myQueue: on });
  if (on) void loadMyQueue();
}

// ---- Syncthing ----

let statusSeq = 0;

export async function loadStatus(): Promise<void> {
  const seq = ++statusSeq;
  teamStore.patch({ statusLoading: true });
  try {
    const status = await getClient().teamStatus({});
    if (seq === statusSeq) teamStore.patch({ status, statusLoading: false, statusError: null });
  } catch (e) {
    if (seq === statusSeq) teamStore.patch({ statusLoading: false, statusError: e });
  }
}

async function syncAction(run: () => Promise<TeamStatusView>): Promise<boolean> {
  teamStore.patch({ actionBusy: true, actionError: null });
  try {
    const status = await run();
    ++statusSeq;
    teamStore.patch({ status, actionBusy: false });
    return true;
  } catch (e) {
    teamStore.patch({ actionBusy: false, actionError: e });
    return false;
  }
}

export const addDevice = (deviceId: string, name: string): Promise<boolean> =>
  syncAction(() => getClient().teamAddDevice(name.trim() ? { deviceId: deviceId.trim(), name: name.trim() } : { deviceId: deviceId.trim() }));
export const shareFolder = (devices: string[]): Promise<boolean> => syncAction(() => getClient().teamShareFolder({ devices }));

// ---- analysts and the open report's layers ----

export async function loadAnalysts(): Promise<void> {
  if (!workspaceStore.get().workspace) return;
  try {
    teamStore.patch({ analysts: await getClient().teamAnalysts({}) });
  } catch (e) {
    reportError(e, 'teamAnalysts');
  }
}

let layersSeq = 0;

/** Loads the open report's layers (the selection is the report store's: untouched). */
export async function loadLayers(docId: string | null = reportStore.get().docId): Promise<void> {
  const seq = ++layersSeq;
  if (!docId) {
    teamStore.patch({ layers: null });
    return;
  }
  try {
    const layers = await getClient().teamLayers({ documentId: docId });
    if (seq !== layersSeq || reportStore.get().docId !== docId) return;
    teamStore.patch({ layers });
  } catch (e) {
    if (seq === layersSeq) teamStore.patch({ layers: null });
    reportError(e, 'teamLayers');
  }
}

// ---- assignment and my queue ----

export async function loadAssignment(): Promise<void> {
  try {
    teamStore.patch({ assignment: await getClient().teamAssignmentGet({}) });
  } catch (e) {
    reportError(e, 'teamAssignmentGet');
  }
}

export async function saveAssignment(input: { analysts: string[]; overlap: number; manual: Record<string, string[]> }): Promise<boolean> {
  try {
    const assignment = await trackWrite(() => getClient().teamAssignmentSet(input));
    teamStore.patch({ assignment });
    void loadMyQueue();
    return true;
  } catch (e) {
    reportError(e, 'teamAssignmentSet');
    return false;
  }
}

export async function loadMyQueue(): Promise<void> {
  if (!workspaceStore.get().workspace) return;
  try {
    teamStore.patch({ myQueue: await getClient().teamMyQueue({}) });
  } catch (e) {
    reportError(e, 'teamMyQueue');
  }
}

/** The report ids of my queue when the list is filtered by it (and an assignment is set), else null (every report). */
export function queueFilter(prefs: TeamPrefs, q: MyQueueView | null): ReadonlySet<string> | null {
  if (!prefs.myQueue || !q || !q.assigned) return null;
  return new Set(q.documents.map((d) => d.documentId));
}

// ---- agreement ----

let agreementSeq = 0;

export async function loadAgreement(kind: string = teamStore.get().agreementKind): Promise<void> {
  const seq = ++agreementSeq;
  teamStore.patch({ agreementLoading: true, agreementKind: kind });
  try {
    const agreement = await getClient().teamAgreement({ kind });
    if (seq !== agreementSeq) return;
    const doc = teamStore.get().agreementDoc;
    const keep = doc && agreement.perDocument.some((d) => d.documentId === doc) ? doc : null;
    teamStore.patch({ agreement, agreementLoading: false, agreementDoc: keep, ...(keep ? {} : { agreementDocView: null }) });
    if (keep) void loadAgreementDoc(keep, kind);
  } catch (e) {
    if (seq === agreementSeq) teamStore.patch({ agreementLoading: false });
    reportError(e, 'teamAgreement');
  }
}

export function setAgreementMeasure(m: AgreementMeasure): void {
  teamStore.patch({ agreementMeasure: m });
}
export function setAgreementDoc(doc: string | null): void {
  teamStore.patch({ agreementDoc: doc, agreementDocView: null });
  if (doc) void loadAgreementDoc(doc, teamStore.get().agreementKind);
}

let agreementDocSeq = 0;

/** One report's agreement for the kind shown (its matrices and every kind's pair figures). */
async function loadAgreementDoc(doc: string, kind: string): Promise<void> {
  const seq = ++agreementDocSeq;
  try {
    const view = await getClient().teamAgreement({ kind, documentIds: [doc] });
    if (seq === agreementDocSeq && teamStore.get().agreementDoc === doc) teamStore.patch({ agreementDocView: view });
  } catch (e) {
    reportError(e, 'teamAgreement');
  }
}

// ---- adjudication ----

export async function loadSummary(): Promise<void> {
  try {
    teamStore.patch({ summary: await getClient().teamAdjudicationSummary({}) });
  } catch (e) {
    reportError(e, 'teamAdjudicationSummary');
  }
}

/** An item still waiting for the adjudicator: not resolved, and not agreed by everyone (those are taken as they are). */
export function isOpenItem(it: QueueItem): boolean {
  return it.resolution === null && it.class !== 'agree';
}

function ordered(v: AdjudicationQueueView): AdjudicationQueueView & { order: QueueItem[] } {
  return { ...v, order: queueOrder(v.items) };
}

let queueSeq = 0;

export async function loadQueue(docId: string, keepItem?: string): Promise<void> {
  const seq = ++queueSeq;
  const changed = teamStore.get().adjDoc !== docId;
  teamStore.patch({ adjDoc: docId, adjLoading: true, ...(changed ? { editing: null, queue: null } : {}) });
  try {
    const q = ordered(await getClient().teamAdjudicationQueue({ documentId: docId }));
    if (seq !== queueSeq || teamStore.get().adjDoc !== docId) return;
    const keep = keepItem ?? (changed ? undefined : teamStore.get().queue?.order[teamStore.get().adjIndex]?.id);
    const kept = keep ? q.order.findIndex((it) => it.id === keep) : -1;
    const first = q.order.findIndex(isOpenItem);
    teamStore.patch({ queue: q, adjLoading: false, adjIndex: kept >= 0 ? kept : Math.max(0, first) });
  } catch (e) {
    if (seq === queueSeq) teamStore.patch({ adjLoading: false });
    reportError(e, 'teamAdjudicationQueue');
  }
}

export function moveAdj(dir: 1 | -1): void {
  const s = teamStore.get();
  if (!s.queue) return;
  teamStore.patch({ adjIndex: moveIndex(s.adjIndex, dir, s.queue.order.length), editing: null });
}

export function setAdjIndex(i: number): void {
  teamStore.patch({ adjIndex: i, editing: null });
}

/**
 * Settles one item as me (the adjudicator) and writes my adjudicated layer; `advance` moves on to
 * the next open item. `choice` null undoes my choice.
 */
export async function adjudicateItem(item: string, choice: AdjudicationChoice | null, advance = true): Promise<boolean> {
  const s = teamStore.get();
  const docId = s.adjDoc;
  if (!docId || !s.queue) return false;
  teamStore.patch({ adjBusy: true });
  try {
    const q = ordered(await trackWrite(() => getClient().teamAdjudicate({ documentId: docId, item, choice })));
    if (teamStore.get().adjDoc !== docId) return true;
    const i = Math.max(0, q.order.findIndex((it) => it.id === item));
    teamStore.patch({ queue: q, adjIndex: advance ? nextOpen(q.order.map(isOpenItem), i) : i, editing: null, adjBusy: false });
    patchSummary(q);
    return true;
  } catch (e) {
    teamStore.patch({ adjBusy: false });
    reportError(e, 'teamAdjudicate');
    return false;
  }
}

/** Takes every all-agree item not settled yet as it is (the agreed decision, written as mine). */
export async function acceptAllAgreed(): Promise<number> {
  const q = teamStore.get().queue;
  if (!q) return 0;
  const agreed = q.order.filter((it) => it.class === 'agree' && it.resolution === null && it.decisions.length > 0);
  let n = 0;
  for (const it of agreed) {
    if (!(await adjudicateItem(it.id, { take: it.decisions[0]!.decision.analyst }, false))) break;
    n++;
  }
  return n;
}

function patchSummary(q: AdjudicationQueueView): void {
  const s = teamStore.get().summary;
  if (!s) return;
  teamStore.patch({ summary: { documents: s.documents.map((d) => (d.documentId === q.documentId ? { ...d, counts: q.counts, adjudicatedBy: q.adjudicatedBy } : d)) } });
}

export function startEdit(item: string, take: string): void {
  teamStore.patch({ editing: { item, take } });
}
export function stopEdit(): void {
  teamStore.patch({ editing: null });
}

// ---- keeping up with the open report and the teammates ----

let started = false;

/** Subscribes once: layers follow the open report; the service's team event reloads what it touches. */
export function startTeam(): void {
  if (started) return;
  started = true;
  let docId = reportStore.get().docId;
  reportStore.subscribe(() => {
    const now = reportStore.get().docId;
    if (now === docId) return;
    docId = now;
    // the previous report's layers are not this one's
    if (teamStore.get().layers?.documentId !== now) teamStore.patch({ layers: null });
    void loadLayers(now);
  });
  // another workspace: another team (its analysts, assignment, queues)
  let dir = workspaceStore.get().workspace?.dir ?? null;
  workspaceStore.subscribe(() => {
    const now = workspaceStore.get().workspace?.dir ?? null;
    if (now === dir) return;
    dir = now;
    teamStore.patch({ analysts: [], layers: null, assignment: null, myQueue: null, agreement: null, agreementDoc: null, agreementDocView: null, summary: null, queue: null, adjDoc: null, adjIndex: 0, editing: null, status: null });
    if (now) {
      void loadAnalysts();
      void loadMyQueue();
    }
  });
  getClient().on('teamChanged', (ev) => {
    const open = reportStore.get().docId;
    if (open && ev.documentIds.includes(open)) void loadLayers(open);
    const s = teamStore.get();
    if (ev.analysts.length > 0 || ev.assignment) void loadAnalysts();
    if (ev.assignment) {
      void loadAssignment();
      void loadMyQueue();
    } else if (ev.documentIds.length > 0 && s.myQueue) void loadMyQueue();
    // the queue on screen is reloaded in place (the current item kept) unless a value is being edited
    if (s.adjDoc && ev.documentIds.includes(s.adjDoc) && !s.editing) void loadQueue(s.adjDoc);
    if (s.summary && ev.documentIds.length > 0) void loadSummary();
    if (s.agreement && ev.documentIds.length > 0) void loadAgreement();
  });
  // before a workspace is open there is no team to ask about (the subscription above loads it when one opens)
  if (dir) {
    void loadAnalysts();
    void loadMyQueue();
  }
  if (docId) void loadLayers(docId);
}

// ---- taking over an earlier analyst id (this machine has no work here: lost settings, a new computer) ----

/** Analysts whose id this machine could take over: only while I have no work in the workspace. */
export function adoptable(analysts: readonly TeamAnalyst[]): TeamAnalyst[] {
  const me = analysts.find((a) => a.isMe);
  if (!me || me.documents > 0) return [];
  return analysts.filter((a) => !a.isMe && a.documents > 0);
}

export async function adoptAnalyst(a: TeamAnalyst): Promise<boolean> {
  try {
    const identity = await trackWrite(() => getClient().teamAdoptAnalyst({ analystId: a.id }));
    showNotice(t('team.adopt.done', { name: identity.name }), 5000);
    // the workspace was opened again as that analyst: my work and the open report's reviews are theirs now
    await loadAnalysts();
    void loadMyQueue();
    const docId = reportStore.get().docId;
    if (docId) {
      applyView(await getClient().documentView({ id: docId }));
      void loadLayers(docId);
    }
    return true;
  } catch (e) {
    reportError(e, 'teamAdoptAnalyst');
    return false;
  }
}
