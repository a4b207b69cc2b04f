/** Re-decoding the open report with the encoding the analyst chose (documentSetEncoding); the view reloads from the answer. */
import { getClient } from '../../api/client';
import { createStore } from '../../lib/store';
import { reportError, showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { applyView, reportStore } from '../report/store';
import { trackWrite } from '../statusbar/saveState';

/** The encodings offered (labels as written; the backend matches names case-insensitively). */
export const ENCODINGS = ['UTF-8', 'GB18030', 'GBK', 'Big5', 'UTF-16LE', 'UTF-16BE'] as const;

export const encodingStore = createStore<{ busy: string | null }>({ busy: null });

/** Same encoding, by the usual spellings (utf-8 = UTF8, gb18030 = GB18030). */
export function sameEncoding(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

export async function setEncoding(documentId: string, encoding: string): Promise<boolean> {
  if (encodingStore.get().busy) return false;
  encodingStore.patch({ busy: encoding });
  try {
    const before = reportStore.get().docId === documentId ? reportStore.get().orphans.length : 0;
    const view = await trackWrite(() => getClient().documentSetEncoding({ documentId, encoding }));
    applyView(view);
    const added = view.orphans.length - before;
    showNotice(added > 0 ? t('encoding.doneOrphans', { encoding, count: added }) : t('encoding.done', { encoding }), 6000);
    return true;
  } catch (e) {
    reportError(e, 'documentSetEncoding');
    return false;
  } finally {
    encodingStore.patch({ busy: null });
  }
}
