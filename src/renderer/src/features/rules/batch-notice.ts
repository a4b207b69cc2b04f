/**
 * undo-s6: what an undo (or redo) told when it reverted a workspace "apply to all like this" in
 * every report of it — how many findings in how many reports, and the reports that kept their
 * part because the analyst made another step there since.
 */
import type { ReviewResult } from '../../../../core/api';
import { showNotice } from '../errors/store';
import { t } from '../i18n/i18n';

/** Shows the batch's toast; false when the step was an ordinary one of this report (nothing shown). */
export function batchStepNotice(kind: 'undo' | 'redo', batch: ReviewResult['batch']): boolean {
  if (!batch) return false;
  showNotice(t(kind === 'undo' ? 'like.undone' : 'like.redone', { count: batch.findings, documents: batch.documents }), 6000);
  if (batch.kept > 0) showNotice(t('like.kept', { count: batch.kept }), 6000);
  return true;
}
