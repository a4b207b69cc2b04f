/** Bulk review: accept every suggested finding of one kind in this report as ONE action (one undo step). */
import { showNotice } from '../errors/store';
import { t } from '../i18n/i18n';
import { type FindingType } from './model';
import { suggestedOfKind } from './navigation';
import { reportStore, setStatus } from './store';

export function kindLabel(kind: string): string {
  return t(`kind.${kind}` as Parameters<typeof t>[0]);
}

export async function bulkAccept(type: FindingType, kind: string): Promise<void> {
  const s = reportStore.get();
  if (!s.model) return;
  const ids = suggestedOfKind(s.model.order, s.reviews, type, kind);
  if (ids.length === 0) {
    showNotice(t('report.bulkNone', { kind: kindLabel(kind) }));
    return;
  }
  if (await setStatus(ids, 'accepted')) showNotice(t('report.bulkDone', { count: ids.length, kind: kindLabel(kind) }));
}

/** Shift+A: the selected finding's kind. */
export function bulkAcceptSelectedKind(): void {
  const s = reportStore.get();
  const f = s.selectedId ? s.model?.byId.get(s.selectedId) : undefined;
  if (!f) return;
  void bulkAccept(f.type, f.data.kind);
}
