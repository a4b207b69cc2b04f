/**
 * Workspace rules in the renderer (issue 16): the Rules page's list, and the "apply to all like
 * this" dialog opened by one key after a decision.
 */
import type { LikePreview, ReanalysisReport, RulesView } from '../../../../core/api';
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { downloadBlob } from '../../lib/download';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { applyView, reportStore } from '../report/store';

/** A decision the analyst made (as core/rules isReviewed: more than a suggestion). */
function isReviewed(r: { status: string; fields: Record<string, unknown> } | undefined): boolean {
  return !!r && (r.status !== 'suggested' || Object.keys(r.fields).length > 0);
}

export interface RulesState {
  view: RulesView | null;
  loading: boolean;
  busy: boolean;
  reanalysis: ReanalysisReport | null;
}

export const rulesStore = createStore<RulesState>({ view: null, loading: false, busy: false, reanalysis: null });

export async function loadRules(): Promise<void> {
  rulesStore.patch({ loading: true });
  try {
    rulesStore.patch({ view: await getClient().rulesList({}), loading: false });
  } catch (e) {
    rulesStore.patch({ loading: false });
    reportError(e, 'rulesList');
  }
}

async function change(what: string, fn: () => Promise<RulesView>): Promise<boolean> {
  rulesStore.patch({ busy: true });
  try {
    rulesStore.patch({ view: await fn(), busy: false });
    return true;
  } catch (e) {
    rulesStore.patch({ busy: false });
    reportError(e, what);
    return false;
  }
}

export const setRuleEnabled = (id: string, enabled: boolean): Promise<boolean> => change('ruleUpdate', () => getClient().ruleUpdate({ id, enabled }));
export const setRuleShared = (id: string, shared: boolean): Promise<boolean> => change('ruleUpdate', () => getClient().ruleUpdate({ id, shared }));
export const deleteRule = (id: string): Promise<boolean> => change('ruleDelete', () => getClient().ruleDelete({ id }));
export function editRule(id: string, edit: { note: string; fields?: { metric?: string | null; unit?: string | null } }): Promise<boolean> {
  const entry = rulesStore.get().view?.rules.find((e) => e.rule.id === id);
  const action = entry && entry.rule.action.op === 'fix' && edit.fields ? { op: 'fix' as const, fields: { ...entry.rule.action.fields, ...edit.fields } } : undefined;
  return change('ruleUpdate', () => getClient().ruleUpdate({ id, note: edit.note, ...(action ? { action } : {}) }));
}

export async function exportRulesFile(): Promise<void> {
  try {
    const { json } = await getClient().rulesExport({});
    downloadBlob(new Blob([json], { type: 'application/json' }), `${t('rules.fileName')}-${new Date().toISOString().slice(0, 10)}.json`);
  } catch (e) {
    reportError(e, 'rulesExport');
  }
}

export async function importRulesText(json: string): Promise<void> {
  rulesStore.patch({ busy: true });
  try {
    const r = await getClient().rulesImport({ json });
    rulesStore.patch({ view: r.view, busy: false });
    showNotice(t('rules.imported', { added: r.added, skipped: r.skipped }));
  } catch (e) {
    rulesStore.patch({ busy: false });
    reportError(e, 'rulesImport');
  }
}

export async function reanalyseWorkspace(): Promise<void> {
  rulesStore.patch({ busy: true, reanalysis: null });
  try {
    const report = await getClient().rulesReanalyze({});
    rulesStore.patch({ reanalysis: report, busy: false });
    await loadRules();
  } catch (e) {
    rulesStore.patch({ busy: false });
    reportError(e, 'rulesReanalyze');
  }
}

// ── apply to all like this ────────────────────────────────────────────────────────────────────

export type LikeScope = 'report' | 'workspace';

export interface LikeState {
  open: boolean;
  docId: string | null;
  findingId: string | null;
  scope: LikeScope;
  preview: LikePreview | null;
  loading: boolean;
  applying: boolean;
}

export const likeStore = createStore<LikeState>({ open: false, docId: null, findingId: null, scope: 'report', preview: null, loading: false, applying: false });

/** The finding the analyst decided on last in the open report: the selected one when it is decided, else the latest review. */
export function lastDecided(): string | null {
  const s = reportStore.get();
  if (!s.model) return null;
  if (s.selectedId && isReviewed(s.reviews[s.selectedId])) return s.selectedId;
  let best: { id: string; at: string } | null = null;
  for (const [id, r] of Object.entries(s.reviews)) {
    if (!isReviewed(r) || !s.model.byId.has(id)) continue;
    if (!best || r.updatedAt > best.at) best = { id, at: r.updatedAt };
  }
  return best?.id ?? null;
}

let previewSeq = 0;

async function loadPreview(): Promise<void> {
  const { docId, findingId, scope } = likeStore.get();
  if (!docId || !findingId) return;
  const seq = ++previewSeq;
  likeStore.patch({ loading: true });
  try {
    const preview = await getClient().likePreview({ documentId: docId, findingId, scope, limit: 50 });
    if (seq === previewSeq) likeStore.patch({ preview, loading: false });
  } catch (e) {
    if (seq !== previewSeq) return;
    likeStore.patch({ loading: false, open: false });
    reportError(e, 'likePreview');
  }
}

/** The key after a decision: opens the dialog for the last decided finding (false: nothing decided yet). */
export function openLike(): boolean {
  const docId = reportStore.get().docId;
  const findingId = lastDecided();
  if (!docId || !findingId) {
    showNotice(t('like.nothing'));
    return true;
  }
  likeStore.patch({ open: true, docId, findingId, preview: null, scope: likeStore.get().scope });
  void loadPreview();
  return true;
}

export function setLikeScope(scope: LikeScope): void {
  if (likeStore.get().scope === scope) return;
  likeStore.patch({ scope, preview: null });
  void loadPreview();
}

export function closeLike(): void {
  previewSeq++;
  likeStore.patch({ open: false, preview: null, loading: false });
}

/** Enter in the dialog: applies the batch (one undo step, in any report of it, reverts it everywhere) and keeps the rule. */
export async function applyLike(): Promise<void> {
  const { docId, findingId, scope, preview, applying } = likeStore.get();
  if (!docId || !findingId || !preview || applying || preview.count === 0) return;
  likeStore.patch({ applying: true });
  try {
    const r = await getClient().likeApply({ documentId: docId, findingId, scope, learn: true });
    likeStore.patch({ applying: false, open: false, preview: null });
    if (reportStore.get().docId === docId) applyView(await getClient().documentView({ id: docId }));
    showNotice(t('like.applied', { count: r.count, documents: r.documents }));
    if (r.failed.length > 0) showNotice(t('like.failed', { count: r.failed.length }));
    if (rulesStore.get().view) void loadRules();
  } catch (e) {
    likeStore.patch({ applying: false });
    reportError(e, 'likeApply');
  }
}
