import type { Defect } from '../../../../core/schema';
import type { MessageKey } from '../i18n/messages';
import type { Vars } from '../i18n/i18n';

/**
 * Why a defect was found: a consistency check's rule worded in the analyst's language (the
 * finding carries the rule and the other place), else the detector's note.
 */
export function defectReason(d: Defect, t: (key: MessageKey, vars?: Vars) => string): string {
  const c = d.check;
  if (!c) return d.note ?? '';
  switch (c.rule) {
    case 'percent_over_100':
      return t('check.percent_over_100', { value: c.value ?? d.text });
    case 'part_exceeds_whole':
      return t('check.part_exceeds_whole', { text: d.text, whole: c.related?.text ?? '' });
    case 'conflicting_values':
      return t('check.conflicting_values', { indicator: c.indicator ?? '', text: d.text, other: c.related?.text ?? '' });
  }
}
