import { defectReason as reasonOf } from '../../../../core/defects/reason';
import type { Defect, Duplicate } from '../../../../core/schema';
import type { MessageKey } from '../i18n/messages';
import type { Vars } from '../i18n/i18n';

type T = (key: MessageKey, vars?: Vars) => string;

/**
 * Why a defect was found, in the analyst's language, from a code and parameters: a consistency
 * check's rule (the finding carries the rule and the other place), else the reason core reads
 * from the finding (core/defects/reason). The detectors' English note is never shown.
 */
export function defectReason(d: Defect, t: T): string {
  const c = d.check;
  if (!c) {
    const r = reasonOf(d);
    return t(`defect.reason.${r.code}` as MessageKey, r.params);
  }
  switch (c.rule) {
    case 'percent_over_100':
      return t('check.percent_over_100', { value: c.value ?? d.text });
    case 'part_exceeds_whole':
      return t('check.part_exceeds_whole', { text: d.text, whole: c.related?.text ?? '' });
    case 'conflicting_values':
      return t('check.conflicting_values', { indicator: c.indicator ?? '', text: d.text, other: c.related?.text ?? '' });
  }
}

/** Why a duplicate was found, in the analyst's language. */
export function duplicateReason(d: Duplicate, t: T, count: (n: number) => string = String): string {
  switch (d.kind) {
    case 'exact_paragraph':
      return t('dup.reason.exact_paragraph', { count: count(Math.max(2, d.places?.length ?? 2)) });
    case 'near_paragraph':
      return t('dup.reason.near_paragraph', { similarity: (d.similarity ?? 0).toFixed(2) });
    case 'copied_passage':
      return t('dup.reason.copied_passage', { length: count(d.length) });
    case 'repeated_word':
      return t('dup.reason.repeated_word');
    case 'boilerplate':
      return t('dup.reason.boilerplate');
  }
}
