/** The findings the machine makes for a text: detector output and consistency checks. */
import { consistencyFindings } from '../checks';
import type { Analysis, Defect } from '../schema';
import type { Finding } from '../store-schema';
import { byReadingOrder, findingsFromAnalysis } from './findings';

/**
 * The consistency checks over a report's figures (rates over 100%, parts above their whole, a
 * total stated twice with two values), as defect findings of kind `consistency`, in reading
 * order. `indicators` is the workspace's metric phrase → indicator map (empty without one).
 */
export function consistencyChecks(text: string, figures: Analysis['figures'], indicators: Readonly<Record<string, string>> = {}): Finding[] {
  return consistencyFindings(text, figures, { indicatorMap: indicators });
}

/**
 * Every finding the machine makes for a text: the detector findings and the consistency
 * checks, with ids, in reading order. Derived data: the same text, analysis and indicator map
 * give the same findings.
 */
export function derivedFindings(text: string, analysis: Analysis, indicators: Readonly<Record<string, string>> = {}): Finding[] {
  const findings = findingsFromAnalysis(analysis);
  const checks = consistencyChecks(text, analysis.figures, indicators);
  if (checks.length === 0) return findings;
  return [...findings, ...checks].sort(byReadingOrder);
}

/**
 * The consistency checks as `analyze` prints them (under `checks`, beside the detectors'
 * figures, duplicates and defects): the data of each check finding, in reading order.
 */
export function checkDefects(text: string, figures: Analysis['figures'], indicators: Readonly<Record<string, string>> = {}): Defect[] {
  return consistencyChecks(text, figures, indicators).map((f) => f.data as Defect);
}
