/** Words for a rule and a preview item, from codes and parameters (every string through i18n). */
import type { Rule } from '../../../../core/rules/rules';
import { isMessageKey } from '../i18n/messages';
import { type MessageKey, t } from '../i18n/i18n';

export function kindWord(kind: string): string {
  const key = `kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** "召开常委会会议 … #次": a clause pattern as the analyst reads it. */
export function patternWords(pattern: string): string {
  const bar = pattern.indexOf('|');
  return bar < 0 ? pattern : `${pattern.slice(0, bar)} … ${pattern.slice(bar + 1)}`;
}

export function matchWords(rule: Rule): string {
  const m = rule.match;
  return m.text !== undefined ? t('rules.matchText', { kind: kindWord(m.kind), text: m.text }) : t('rules.matchPattern', { kind: kindWord(m.kind), pattern: patternWords(m.pattern ?? '') });
}

const FIELD_KEYS: Record<string, MessageKey> = { kind: 'rules.field.kind', value: 'rules.field.value', value_to: 'rules.field.value_to', unit: 'rules.field.unit', approx: 'rules.field.approx', metric: 'rules.field.metric' };

export function fieldsWords(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${FIELD_KEYS[k] ? t(FIELD_KEYS[k]) : k} = ${v === null || v === undefined ? t('rules.empty') : k === 'kind' ? kindWord(String(v)) : String(v)}`)
    .join(', ');
}

export function actionWords(rule: Rule): string {
  const a = rule.action;
  if (a.op === 'ignore') return t('rules.op.ignore');
  if (a.op === 'name') return t('rules.op.name');
  return t('rules.op.fix', { fields: fieldsWords(a.fields) });
}
