/**
 * The machine's findings for a text with the workspace rules applied: what re-analysis with
 * rules gives. The same as core/document's derivedFindings when no rule is enabled; otherwise
 * the rules act on the detector findings first (never on a finding with a review), and the
 * consistency checks run over the figures as the rules left them (a figure the rules dropped or
 * made a name is not checked).
 */
import { consistencyChecks } from '../document/derive';
import { byReadingOrder, findingsFromAnalysis } from '../document/findings';
import type { Analysis, Figure } from '../schema';
import type { Finding, Review } from '../store-schema';
import { type Rule, type RuleChange, applyRules } from './rules';

export interface RuledFindings {
  findings: Finding[];
  /** what each rule changed (for "re-analysis reports what changed" and the Rules page's counts) */
  changed: RuleChange[];
}

export function ruledFindings(
  text: string,
  analysis: Analysis,
  rules: readonly Rule[],
  reviews: Readonly<Record<string, Review>> = {},
  indicators: Readonly<Record<string, string>> = {},
): RuledFindings {
  const { findings, changed } = applyRules(findingsFromAnalysis(analysis), rules, { text, reviews });
  const figures: Figure[] = [];
  for (const f of findings) if (f.type === 'figure' && f.data.kind !== 'name') figures.push(f.data);
  // the checks read figures of every kind but names (the detector's names too are skipped there)
  const checks = consistencyChecks(text, changed.length === 0 ? analysis.figures : figures, indicators);
  return { findings: checks.length === 0 ? findings : [...findings, ...checks].sort(byReadingOrder), changed };
}

const isCheck = (f: Finding): boolean => f.type === 'defect' && f.data.kind === 'consistency';

/**
 * ruledFindings from the findings derivedFindings already gave for this text, analysis and
 * indicator map (the service derives them once, to carry reviews): the rules act on the
 * detector findings (not on the checks, nor on anything manual); when no rule changed anything
 * the derived findings come back as they are (no second derivation), otherwise the checks are
 * made again over the figures as the rules left them. The same findings as ruledFindings (in
 * reading order) and the same changes.
 */
export function ruledFromDerived(
  text: string,
  derived: readonly Finding[],
  rules: readonly Rule[],
  reviews: Readonly<Record<string, Review>> = {},
  indicators: Readonly<Record<string, string>> = {},
): RuledFindings {
  const detector = derived.filter((f) => f.origin === 'detector' && !isCheck(f));
  const { findings, changed } = applyRules(detector, rules, { text, reviews });
  if (changed.length === 0) return { findings: derived.filter((f) => f.origin === 'detector'), changed };
  const figures: Figure[] = [];
  for (const f of findings) if (f.type === 'figure' && f.data.kind !== 'name') figures.push(f.data);
  return { findings: mergeInOrder(findings, consistencyChecks(text, figures, indicators)), changed };
}

/**
 * `[...a, ...b].sort(byReadingOrder)` (a stable sort: on a tie a's finding first) without sorting
 * a again when it is in reading order already (the derived findings are): b is sorted and merged.
 */
export function mergeInOrder(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  for (let i = 1; i < a.length; i++) if (byReadingOrder(a[i - 1], a[i]) > 0) return [...a, ...b].sort(byReadingOrder);
  if (b.length === 0) return [...a];
  const c = [...b].sort(byReadingOrder);
  const out: Finding[] = [];
  let j = 0;
  for (const f of a) {
    while (j < c.length && byReadingOrder(c[j], f) < 0) out.push(c[j++]);
    out.push(f);
  }
  while (j < c.length) out.push(c[j++]);
  return out;
}
