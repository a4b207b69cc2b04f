/** Report metadata (detected on import, editable): the shown values, validation, and metadataSet. */
import { METADATA_KEYS, type ReportMetadata, detectMetadata, effectiveMetadata } from '../../../../core/metadata';
import type { DocumentMeta } from '../../../../core/store-schema';
import { getClient } from '../../api/client';
import { updateDocumentMeta } from '../documents/store';
import { reportError } from '../errors/store';
import { reportStore } from '../report/store';
import { trackWrite } from '../statusbar/saveState';

export type MetadataKey = keyof ReportMetadata;
export { METADATA_KEYS };

export const LEVELS = ['国', '省', '市', '区', '县'] as const;

/** What the editor shows: the stored values (detected on import, or the analyst's), and what detection finds in the text now. */
export function metadataOf(meta: DocumentMeta, text: string): { current: ReportMetadata; detected: ReportMetadata } {
  return { current: effectiveMetadata(text, meta.metadata), detected: detectMetadata(text) };
}

/** A typed value → the stored value (null for empty), or an error key when it is not valid for the field. */
export function parseMetadataInput(key: MetadataKey, text: string): { value: string | null } | { error: 'meta.badYear' | 'meta.badDate' | 'meta.tooLong' } {
  const v = text.trim();
  if (v === '') return { value: null };
  if (v.length > 500) return { error: 'meta.tooLong' };
  if ((key === 'year' || key === 'meeting_year') && !/^\d{4}$/.test(v)) return { error: 'meta.badYear' };
  if (key === 'date' && !/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(v)) return { error: 'meta.badDate' };
  return { value: v };
}

export async function saveMetadata(documentId: string, key: MetadataKey, value: string | null): Promise<boolean> {
  try {
    const meta = await trackWrite(() => getClient().metadataSet({ documentId, metadata: { [key]: value } }));
    updateDocumentMeta(meta);
    if (reportStore.get().docId === documentId) reportStore.patch({ meta });
    return true;
  } catch (e) {
    reportError(e, 'metadataSet');
    return false;
  }
}
