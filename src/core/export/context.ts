/** Everything the formats need of one document, computed once per document. */
import { type ReportMetadata, effectiveMetadata } from '../metadata';
import { type UserIndicatorMap, compileUserMap, indicatorFor } from '../indicators';
import type { Figure } from '../schema';
import type { DocumentFile, DocumentMeta, Tag, WorkspaceFile } from '../store-schema';
import { OffsetMap, type Paragraph, splitParagraphs } from '../text';
import { type EffectiveFinding, type ExportFilter, exportFindings } from './model';

/** The workspace-level data an export needs (not the documents). */
export interface ExportWorkspace {
  taxonomy: Tag[];
  indicatorMap: Record<string, string>;
  settings?: Record<string, unknown>;
  schemaVersion?: number;
}

export interface ExportContext {
  taxonomy: Tag[];
  indicatorMap: Record<string, string>;
  userMap: UserIndicatorMap;
  filter: ExportFilter;
}

export function exportContext(ws: Pick<WorkspaceFile, 'taxonomy' | 'indicatorMap'>, filter: ExportFilter = 'accepted'): ExportContext {
  return { taxonomy: ws.taxonomy, indicatorMap: ws.indicatorMap ?? {}, userMap: compileUserMap(ws.indicatorMap), filter };
}

/** indicatorFor, memoised per export context: a dataset repeats a few hundred (kind, unit, metric) combinations many thousand times. */
const indicatorMemo = new WeakMap<ExportContext['userMap'], Map<string, Map<string | null, Map<string | null, string | null>>>>();
export function exportIndicator(figure: Figure, ctx: ExportContext): string | null {
  const { kind, unit, metric } = figure;
  if (typeof kind !== 'string' || (unit !== null && typeof unit !== 'string') || (metric !== null && typeof metric !== 'string')) return indicatorFor(figure, ctx.userMap);
  let byKind = indicatorMemo.get(ctx.userMap);
  if (!byKind) indicatorMemo.set(ctx.userMap, (byKind = new Map()));
  let byUnit = byKind.get(kind);
  if (!byUnit) byKind.set(kind, (byUnit = new Map()));
  let byMetric = byUnit.get(unit);
  if (!byMetric) byUnit.set(unit, (byMetric = new Map()));
  let id = byMetric.get(metric);
  if (id === undefined) byMetric.set(metric, (id = indicatorFor(figure, ctx.userMap)));
  return id;
}

export interface PreparedDocument {
  meta: DocumentMeta;
  doc: DocumentFile;
  map: OffsetMap;
  metadata: ReportMetadata;
  findings: EffectiveFinding[];
  /** paragraphs, computed on first use */
  paragraphs(): Paragraph[];
  /** paragraph index containing a code point offset (-1 if between paragraphs) */
  paragraphIndex(cp: number): number;
  /** text of a code point span */
  quote(start: number, end: number): string;
}

export function prepareDocument(meta: DocumentMeta, doc: DocumentFile, ctx: ExportContext): PreparedDocument {
  const map = new OffsetMap(doc.text);
  let paragraphs: Paragraph[] | null = null;
  const getParagraphs = (): Paragraph[] => (paragraphs ??= splitParagraphs(doc.text, map));
  return {
    meta,
    doc,
    map,
    metadata: effectiveMetadata(doc.text, meta.metadata),
    findings: exportFindings(doc, ctx.filter),
    paragraphs: getParagraphs,
    paragraphIndex(cp) {
      const ps = getParagraphs();
      let lo = 0;
      let hi = ps.length - 1;
      if (hi < 0) return -1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ps[mid].start <= cp) lo = mid;
        else hi = mid - 1;
      }
      return ps[lo].start <= cp && cp <= ps[lo].end ? ps[lo].index : -1;
    },
    quote(start, end) {
      return doc.text.slice(map.toUtf16(start), map.toUtf16(end));
    },
  };
}

/** A file name stem for a document: its name without extension, made safe, plus its id. */
export function fileStem(meta: Pick<DocumentMeta, 'id' | 'name'>): string {
  const base = meta.name.replace(/\.[^.]{1,5}$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 80);
  return base ? `${base}__${meta.id}` : meta.id;
}
