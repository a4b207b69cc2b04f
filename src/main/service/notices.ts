/**
 * Store notices as the UI receives them: a code and parameters the renderer words in the
 * analyst's language (features/i18n, `notice.<code>`), and an English fallback. A notice about
 * an analyst's work on a document says what was restored, from when, and what could not be:
 * the reviewed findings counted in the index before the damage against those restored.
 */
import type { StoreNotice, WorkspaceStore } from '../store';
import { countFindings } from '../../core/document';
import type { DocumentMeta } from '../../core/store-schema';

export interface UiNotice {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** A store notice with its file names as parameters (never English text). */
export function uiNotice(n: StoreNotice): UiNotice {
  const params: Record<string, string | number> = { file: n.file };
  if (n.movedTo) params.movedTo = n.movedTo;
  if (n.backup) params.backup = n.backup;
  if (n.backupAt) params.time = localTime(n.backupAt);
  for (const [k, v] of Object.entries(n.counts ?? {})) params[k] = v;
  return { code: n.code, message: n.message, params };
}

/** "2025-03-01 10:42", in this machine's time zone (the analyst's, on the desktop). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number): string => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The notice of a recovery of an analyst's work on one document (its work file, or its v1
 * document file during the migration): the document by name, the backup's time, and how many
 * reviewed findings the index counted that the restored work no longer has. The index counts
 * are then brought in line with the restored work.
 */
export async function workNotice(store: WorkspaceStore, n: StoreNotice): Promise<UiNotice | null> {
  const id = n.document?.id;
  if (!id) return uiNotice(n);
  const meta = store.workspace().documents.find((d) => d.id === id);
  const name = meta?.name ?? id;
  const before = meta?.counts.reviewed ?? null;
  const base = uiNotice(n);
  const params: Record<string, string | number> = { ...base.params, name };
  if (n.code === 'document-unrecoverable') {
    const lost = before ?? 0;
    return { code: 'work-unrecoverable', params: { ...params, lost }, message: `Your work on ${name} was damaged and no backup could be read: ${lost} reviewed finding(s) could not be recovered${n.movedTo ? `; the damaged file is kept as ${n.movedTo}` : ''}.` };
  }
  if (n.code === 'work-reanchored') {
    return { code: 'work-reanchored', params, message: `Your work on ${name} was made on another version of the report and was carried to the current text; reviews that could not be placed wait in the report for you.` };
  }
  if (n.code !== 'restored-from-backup') return base;
  let reviewedNow: number;
  let counts: ReturnType<typeof countFindings>;
  try {
    const doc = await store.readDocument(id);
    counts = countFindings(doc.findings, doc.reviews, doc.orphans);
    reviewedNow = counts.reviewed;
  } catch {
    return { ...base, params };
  }
  const lost = before === null ? 0 : Math.max(0, before - reviewedNow);
  const time = params.time ?? '?';
  if (meta && !store.readOnly && (meta.counts.reviewed !== counts.reviewed || meta.counts.total !== counts.total)) {
    store.updateWorkspace((w) => {
      const m = w.documents.find((d) => d.id === id);
      if (m) m.counts = counts;
    }).catch(() => undefined); // the save state shows a failure
  }
  if (lost > 0) {
    return { code: 'work-restored-partly', params: { ...params, lost, time }, message: `Your work on ${name} was damaged and was restored from the backup of ${time}: ${lost} reviewed finding(s) from after ${time} could not be recovered.` };
  }
  return { code: 'work-restored', params: { ...params, time }, message: `Your work on ${name} was damaged and was restored from the backup of ${time}; every reviewed finding is back (notes and tags changed after ${time} may be missing).` };
}

// memory: a report whose findings of a kind were cut to the first ones (core/analyze's cap) is
// never shown as if complete: one notice per report and kind, for as long as it is so
const CAPPED_NOUN = { figures: 'figures', duplicates: 'duplicated passages', defects: 'text defects' } as const;

/** The notices of the reports whose findings of a kind were cut (DocumentMeta.capped). */
export function cappedNotices(documents: readonly DocumentMeta[]): UiNotice[] {
  const out: UiNotice[] = [];
  for (const d of documents) {
    for (const kind of ['figures', 'duplicates', 'defects'] as const) {
      const limit = d.capped?.[kind];
      if (!limit) continue;
      out.push({
        code: `findings-capped-${kind}`,
        params: { name: d.name, limit },
        message: `${d.name} has more than ${limit} ${CAPPED_NOUN[kind]}: only the first ${limit} (in reading order) are shown. Split the report into smaller files to see all of them.`,
      });
    }
  }
  return out;
}
