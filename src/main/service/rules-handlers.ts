/** The API handlers of the workspace rules (issue 16): list, edit, delete, export, import, apply to all like this, re-analyse. */
import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ApiEventName, ReanalysisReport, RulesView } from '../../core/api';
import type { rulesApi } from '../../core/api';
import { AppError } from '../../core/errors';
import { cpSlice } from '../../core/text';
import { findingSpan } from '../../core/document';
import type { AnalysisPool } from '../analysis/pool';
import type { DocumentMeta } from '../../core/store-schema';
import type { WorkspaceStore } from '../store';
import type { Handlers, Logger } from './dispatch';
import { buildReviewResult } from './documents';
import { importIntoStore } from './importing';
import { applyLike, planLike, previewItems } from './rules-apply';
import { reanalyseStored } from './rules-stored';
import { type RuleBook, newRuleId, ruleBookOf } from './rules';
import type { TaskRegistry } from './tasks';

export interface RulesDeps {
  workspace: () => Promise<{ store: WorkspaceStore; dir: string }>;
  ctx: () => { now: string; annotator: string };
  pool: AnalysisPool;
  tasks: TaskRegistry;
  emit: (name: ApiEventName, payload: unknown) => void;
  log: Logger;
  allow: (path: string) => Promise<boolean>;
  /** the workspace index changed (documents' counts): tell the UI */
  announce: () => void;
}

type RulesHandlers = Pick<Handlers, keyof typeof rulesApi>;

function bookOf(store: WorkspaceStore): RuleBook {
  const book = ruleBookOf(store);
  if (!book) throw new AppError('workspace-not-open', 'no rules for this workspace');
  return book;
}

export function rulesView(store: WorkspaceStore): RulesView {
  const book = bookOf(store);
  const reports: Record<string, string> = {};
  for (const d of store.workspace().documents) reports[d.id] = d.name;
  return { rules: book.entries(), reports, problems: book.problems.map((p) => p.message) };
}

export function rulesHandlers(deps: RulesDeps): RulesHandlers {
  const changed = async (store: WorkspaceStore): Promise<RulesView> => {
    await bookOf(store).flush();
    return rulesView(store);
  };
  return {
    rulesList: async () => rulesView((await deps.workspace()).store),
    ruleUpdate: async ({ id, enabled, note, shared, action }) => {
      const { store } = await deps.workspace();
      bookOf(store).update(id, { enabled, note, shared, action });
      return changed(store);
    },
    ruleDelete: async ({ id }) => {
      const { store } = await deps.workspace();
      bookOf(store).remove(id);
      return changed(store);
    },
    rulesExport: async () => ({ json: bookOf((await deps.workspace()).store).exportJson() }),
    rulesImport: async ({ json }) => {
      const { store } = await deps.workspace();
      const r = bookOf(store).importJson(json, newRuleId);
      return { ...r, view: await changed(store) };
    },
    likePreview: async ({ documentId, findingId, scope, limit }) => {
      const { store } = await deps.workspace();
      const plan = await planLike(store, documentId, findingId, scope, deps.ctx());
      const names = new Map(store.workspace().documents.map((d) => [d.id, d.name]));
      const texts = new Map<string, string>();
      const items = [];
      for (const item of previewItems(plan, limit ?? 50)) {
        let text = texts.get(item.documentId);
        if (text === undefined) texts.set(item.documentId, (text = (await store.readDocument(item.documentId)).text));
        const f = (await store.readDocument(item.documentId)).findings.find((x) => x.id === item.findingId);
        const span = f ? findingSpan(f) : { start: 0, end: 0 };
        items.push({ ...item, text: cpSlice(text, span.start, span.end), documentName: names.get(item.documentId) ?? item.documentId });
      }
      return { count: plan.count, documents: plan.perDocument.length, decision: plan.decision, rule: plan.rule, items };
    },
    likeApply: async ({ documentId, findingId, scope, learn }) => {
      const { store } = await deps.workspace();
      const ctx = deps.ctx();
      const plan = await planLike(store, documentId, findingId, scope, ctx);
      const applied = await applyLike(store, plan, learn ?? true, ctx);
      const meta = store.workspace().documents.find((d) => d.id === documentId);
      const result = meta ? buildReviewResult(applied.metas.find((m) => m.id === documentId) ?? meta, await store.readDocument(documentId)) : null;
      if (applied.documents > 1) deps.announce();
      return { count: applied.count, documents: applied.documents, ruleId: applied.ruleId, failed: applied.failed, result };
    },
    rulesReanalyze: async ({ taskId }) => {
      const { store, dir } = await deps.workspace();
      return reanalyse(store, dir, deps, taskId ?? `reanalyse-${Date.now()}`);
    },
  };
}

/** Re-analyses every report of the workspace from its source, with the active rules; what each rule changed before and after. */
export async function reanalyse(store: WorkspaceStore, dir: string, deps: Pick<RulesDeps, 'pool' | 'tasks' | 'emit' | 'log' | 'allow' | 'announce'>, taskId: string): Promise<ReanalysisReport> {
  const book = bookOf(store);
  const before = book.changedTotals();
  const docs = store.workspace().documents;
  const findingsBefore = docs.reduce((n, d) => n + d.counts.total, 0);
  if (docs.length === 0) return { documents: 0, failed: [], cancelled: false, rules: [], findingsBefore: 0, findingsAfter: 0, fromStore: 0, skipped: [] };
  // undo-s6: a report whose source file is gone is re-analysed from the text the workspace keeps
  // (its cache file), not listed as failed; one whose text is not kept either is skipped
  const withSource: string[] = [];
  const missing: DocumentMeta[] = [];
  for (const d of docs) {
    const abs = isAbsolute(d.path) ? d.path : join(dir, d.path);
    if ((await stat(abs).catch(() => null))?.isFile()) withSource.push(abs);
    else missing.push(d);
  }
  const summary = withSource.length > 0 ? await importIntoStore(store, withSource, { pool: deps.pool, tasks: deps.tasks, emit: deps.emit, log: deps.log, taskId, label: 'import', allow: deps.allow }) : { imported: [], failed: [], cancelled: false };
  const stored = summary.cancelled || missing.length === 0 ? { reanalysed: 0, skipped: [], failed: [] } : await reanalyseStored(store, missing, deps.pool, deps.log);
  await book.flush();
  const after = book.changedTotals();
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  const rules = [...ids].map((ruleId) => ({ ruleId, before: before[ruleId] ?? 0, after: after[ruleId] ?? 0 })).filter((r) => r.before !== r.after || r.after > 0);
  const findingsAfter = store.workspace().documents.reduce((n, d) => n + d.counts.total, 0);
  deps.announce();
  return { documents: summary.imported.length + stored.reanalysed, failed: [...summary.failed, ...stored.failed], cancelled: summary.cancelled, rules, findingsBefore, findingsAfter, fromStore: stored.reanalysed, skipped: stored.skipped };
}
