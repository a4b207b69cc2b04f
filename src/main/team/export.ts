/**
 * Exports of another layer than mine (the API's exportDataset `layer`):
 * - `{ analyst }` or 'adjudicated': one layer, in any format — the export of src/main/export
 *   over a source whose documents are that layer (so it exports exactly as the analyst's own
 *   export would); a report without that layer exports with no decisions (nothing accepted);
 * - 'all': every analyst's layer of each report — csv (facts, duplicates and defects with an
 *   `annotator` column at the end), jsonl (one document record per layer, with `annotator`),
 *   label-studio (one task per report, each analyst a separate annotation, the suggestions
 *   nobody decided as the prediction). Other formats are refused (bad-request).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportLayer } from '../../core/team/api';
import { AppError } from '../../core/errors';
import {
  type ExportContext, ALL_LABELS, CSV_BOM, DEFECTS_COLUMNS, DOCUMENTS_COLUMNS, DUPLICATES_COLUMNS, csvRow, defectRows, documentRecord, documentRow, duplicateRows, exportContext, jsonLine,
  labelStudioConfig, prepareDocument, workspaceRecord,
} from '../../core/export';
import { type PreparedLayer, type TagTranslation, TEAM_FACTS_COLUMNS, layerDocument, teamFactRows, teamLabelStudioTask } from '../../core/team';
import type { DocumentFile, Tag } from '../../core/store-schema';
import { type ExportOptions, type ExportSource, type ExportSummary, FOLDER_FORMATS, exportWorkspace } from '../export';
import { checkExportTargets } from '../export/targets';
import { SinkGroup } from '../export/sink';
import type { WorkspaceStore } from '../store';
import { ADJUDICATED, TeamWorkspace } from './workspace';

export const ALL_LAYERS_FORMATS = ['csv', 'jsonl', 'label-studio'] as const;

/** One layer of every report as an export source. */
export function layerSource(store: WorkspaceStore, team: TeamWorkspace, layer: 'adjudicated' | { analyst: string }, taxonomy?: Tag[]): ExportSource {
  let tags: Promise<TagTranslation> | null = null; // once per export, not per report
  return {
    dir: store.dir,
    // s7: the layer's tag ids named as its analyst named them
    workspace: () => (taxonomy ? { ...store.workspace(), taxonomy } : store.workspace()),
    readDocument: async (id: string): Promise<DocumentFile> => {
      if (layer === 'adjudicated') {
        const mine = await store.readDocument(id);
        const derived = mine.findings.filter((f) => f.origin !== 'manual');
        const adj = await team.adjudicatedLayer(id, await (tags ??= team.tagTranslation()));
        return layerDocument(mine, derived, adj ? { reviews: adj.work.reviews, manualFindings: adj.work.manualFindings, orphans: [] } : { reviews: {}, manualFindings: [], orphans: [] });
      }
      const read = await team.documentLayers(id, { only: [layer.analyst] });
      const l = read.layers[0];
      if (l) return l.doc;
      const mine = await store.readDocument(id);
      return layerDocument(mine, read.derived, { reviews: {}, manualFindings: [], orphans: [] });
    },
  };
}

export async function exportTeamLayer(store: WorkspaceStore, layer: ExportLayer, opts: ExportOptions): Promise<ExportSummary> {
  const team = new TeamWorkspace(store.dir, store);
  if (layer !== 'all') {
    if (typeof layer === 'object' && !(await team.workFolders()).has(layer.analyst)) throw new AppError('bad-request', `No analyst ${layer.analyst} has work in this workspace.`);
    // s7: an analyst's layer named by their tags; the adjudicated layer's tags are this machine's (translated when read)
    return exportWorkspace(layerSource(store, team, layer, layer === 'adjudicated' ? undefined : await team.taxonomyFor(layer.analyst)), opts);
  }
  return exportAllLayers(store, team, opts);
}

/** Every layer of every report (see the top), with the adjudicated layer among them when there is one. */
async function exportAllLayers(store: WorkspaceStore, team: TeamWorkspace, opts: ExportOptions): Promise<ExportSummary> {
  const format = opts.format;
  if (!(ALL_LAYERS_FORMATS as readonly string[]).includes(format)) throw new AppError('bad-request', `Every analyst's layer can be exported as ${ALL_LAYERS_FORMATS.join(', ')}; not as ${format}.`);
  const filter = opts.filter ?? 'accepted';
  const ws = store.workspace();
  const ctx = exportContext(ws, filter);
  // s7: each layer's tags named by its analyst's taxonomy (the adjudicated layer's are this machine's: translated when read)
  const profiles = await team.profiles();
  const ctxs = new Map<string, ExportContext>();
  const ctxOf = async (analyst: string): Promise<ExportContext> => {
    let c = ctxs.get(analyst);
    if (!c) ctxs.set(analyst, (c = exportContext({ ...ws, taxonomy: await team.taxonomyFor(analyst, profiles) }, filter)));
    return c;
  };
  const tags = await team.tagTranslation(); // the adjudicated layer's, once for every report
  const docs = ws.documents;
  const summary: ExportSummary = { format, filter, files: [], documents: 0, findings: 0, failed: [] };
  await checkExportTargets(format, opts.out, docs, { workspaceDir: store.dir, overwrite: opts.overwrite ?? true });
  if (FOLDER_FORMATS.includes(format)) await mkdir(opts.out, { recursive: true });
  else await mkdir(dirname(opts.out), { recursive: true });
  const group = new SinkGroup();
  const sinks = format === 'csv'
    ? { facts: group.open(join(opts.out, 'facts.csv')), dups: group.open(join(opts.out, 'duplicates.csv')), defects: group.open(join(opts.out, 'defects.csv')), documents: group.open(join(opts.out, 'documents.csv')) }
    : null;
  const one = sinks ? null : group.open(opts.out);
  const extra: string[] = [];
  try {
    if (sinks) {
      await sinks.facts.write(CSV_BOM + csvRow(TEAM_FACTS_COLUMNS));
      await sinks.dups.write(CSV_BOM + csvRow([...DUPLICATES_COLUMNS, 'annotator']));
      await sinks.defects.write(CSV_BOM + csvRow([...DEFECTS_COLUMNS, 'annotator']));
      await sinks.documents.write(CSV_BOM + csvRow(DOCUMENTS_COLUMNS));
    } else if (format === 'jsonl') await one!.write(jsonLine({ ...workspaceRecord(ws, filter, docs.length), layers: 'all' }));
    else await one!.write('[');
    let first = true;
    for (const [i, meta] of docs.entries()) {
      if (opts.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
      opts.onProgress?.({ done: i, total: docs.length, current: meta.name });
      let layers: PreparedLayer[];
      try {
        const read = await team.documentLayers(meta.id);
        layers = [];
        for (const l of read.layers) {
          if (l.unreadable) continue;
          const lctx = await ctxOf(l.analyst);
          layers.push({ annotator: l.name, prepared: prepareDocument(meta, l.doc, lctx), ctx: lctx });
        }
        const adj = await team.adjudicatedLayer(meta.id, tags);
        if (adj) {
          const mine = read.layers.find((l) => l.isMe)?.doc ?? (await store.readDocument(meta.id));
          layers.push({ annotator: ADJUDICATED.slice(1), prepared: prepareDocument(meta, layerDocument(mine, read.derived, { reviews: adj.work.reviews, manualFindings: adj.work.manualFindings, orphans: [] }), ctx), ctx });
        }
      } catch (e) {
        if (e instanceof AppError && e.code === 'cancelled') throw e;
        summary.failed.push({ id: meta.id, name: meta.name, error: e instanceof AppError ? { code: e.code, message: e.message } : { code: 'internal', message: String(e) } });
        continue;
      }
      summary.documents++;
      if (sinks) {
        const f = teamFactRows(layers, ctx);
        if (f.length) await sinks.facts.write(f.map(csvRow).join(''));
        const d = layers.flatMap((l) => duplicateRows(l.prepared, l.ctx ?? ctx).map((r) => [...r, l.annotator]));
        if (d.length) await sinks.dups.write(d.map(csvRow).join(''));
        const x = layers.flatMap((l) => defectRows(l.prepared, l.ctx ?? ctx).map((r) => [...r, l.annotator]));
        if (x.length) await sinks.defects.write(x.map(csvRow).join(''));
        const p = layers[0]?.prepared ?? prepareDocument(meta, await store.readDocument(meta.id), ctx);
        await sinks.documents.write(csvRow(documentRow(p)));
        summary.findings += f.length + d.length + x.length;
      } else if (format === 'jsonl') {
        for (const l of layers) {
          await one!.write(jsonLine({ ...documentRecord(l.prepared, l.ctx ?? ctx), annotator: l.annotator }));
          summary.findings += l.prepared.findings.length;
        }
      } else {
        const task = teamLabelStudioTask(layers);
        if (!task) continue;
        await one!.write((first ? '\n' : ',\n') + JSON.stringify(task));
        first = false;
        summary.findings += (task.annotations ?? []).reduce((n, a) => n + a.result.length, 0);
      }
    }
    if (format === 'label-studio') {
      await one!.write('\n]\n');
      const config = opts.out.replace(/\.json$/i, '') + '.label-config.xml';
      await writeFile(config, labelStudioConfig(ALL_LABELS));
      extra.push(config);
    }
    summary.files = [...(await group.finish()), ...extra];
    opts.onProgress?.({ done: docs.length, total: docs.length, current: null });
    return summary;
  } catch (e) {
    await group.abort();
    throw e;
  }
}
