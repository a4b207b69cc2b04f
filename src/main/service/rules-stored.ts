/**
 * undo-s6: re-analysis of reports whose source file is missing (moved, deleted, on a drive not
 * mounted). The workspace keeps each report's text in its cache file — the text the analyst
 * reviewed — so such a report is analysed again from that text, with the workspace rules, as the
 * importer does from a file (same text: the analyst's work is kept whole, undo history
 * included). A report whose text the workspace does not keep either (its cache file is gone and
 * has no backup) is skipped with `source-missing`: nothing in it changes.
 */
import type { ImportSummary, ReanalysisReport } from '../../core/api';
import { isAppError } from '../../core/errors';
import { rebuildDocument, workOf } from '../../core/document';
import type { DocumentFile, DocumentMeta } from '../../core/store-schema';
import { cpLength } from '../../core/text';
import type { AnalysisPool } from '../analysis/pool';
import type { WorkspaceStore } from '../store';
import type { Logger } from './dispatch';
import { withWorkspaceRules } from './rules-apply';

export interface StoredReanalysis {
  reanalysed: number;
  skipped: ReanalysisReport['skipped'];
  failed: ImportSummary['failed'];
}

export async function reanalyseStored(store: WorkspaceStore, metas: readonly DocumentMeta[], pool: AnalysisPool, log: Logger): Promise<StoredReanalysis> {
  const out: StoredReanalysis = { reanalysed: 0, skipped: [], failed: [] };
  const read: { meta: DocumentMeta; doc: DocumentFile }[] = [];
  // the boilerplate is learnt from the texts re-analysed together, as an import learns it from its files
  const learner = pool.boilerplateBuilder();
  for (const meta of metas) {
    try {
      const doc = await store.readDocument(meta.id);
      read.push({ meta, doc });
      learner.add(doc.text);
    } catch (e) {
      if (isAppError(e) && (e.code === 'document-not-found' || e.code === 'store-corrupt')) out.skipped.push({ documentId: meta.id, path: meta.path, code: 'source-missing' });
      else out.failed.push({ path: meta.path, error: { code: isAppError(e) ? e.code : 'internal', message: (e as Error).message } });
    }
  }
  const boilerplate = await learner.build();
  const updated = new Map<string, DocumentMeta>();
  for (const { meta, doc } of read) {
    try {
      const analysis = await pool.analyze(doc.text, boilerplate);
      const rebuilt = rebuildDocument({
        text: doc.text,
        detectorFindings: analysis,
        indicators: store.workspace().indicatorMap,
        previous: { text: doc.text, findings: doc.findings, work: workOf(doc) },
        sameSource: true,
      });
      const built = withWorkspaceRules(store, meta.id, doc.text, rebuilt, doc);
      await store.writeDocument({ ...doc, findings: built.findings, reviews: built.reviews, orphans: built.orphans, history: built.history });
      const { capped: _capped, ...rest } = meta;
      updated.set(meta.id, { ...rest, length: cpLength(doc.text), counts: built.counts, ...(analysis.capped ? { capped: analysis.capped } : {}) });
      out.reanalysed++;
    } catch (e) {
      out.failed.push({ path: meta.path, error: { code: isAppError(e) ? e.code : 'internal', message: (e as Error).message } });
      if (!isAppError(e)) log.error('re-analysis from the stored text failed', { path: meta.path, error: String(e) });
    }
  }
  if (updated.size > 0) await store.updateWorkspace((w) => void (w.documents = w.documents.map((d) => updated.get(d.id) ?? d)));
  return out;
}
