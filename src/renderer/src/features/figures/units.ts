/**
 * The unit an indicator is stated in, from the indicator dictionary (resources/indicators):
 * a percentage is shown with its % (满意率 97.5%), a count with its counted unit in the row
 * header (常委会会议次数 · 次). An indicator of the workspace's own mapping has none. Pure.
 */
import { DEFAULT_RULES } from '../../../../core/indicators';

export interface IndicatorUnit {
  /** "%", "次", "人次"… */
  unit: string;
  /** the value carries it (97.5%); otherwise it is shown once, in the row header */
  inline: boolean;
}

const byId = new Map(DEFAULT_RULES.map((r) => [r.id, r]));

export function indicatorUnit(indicator: string): IndicatorUnit | null {
  const rule = byId.get(indicator);
  if (!rule) return null;
  if (rule.kinds.includes('percent')) return { unit: '%', inline: true };
  const unit = rule.units[0];
  return unit ? { unit, inline: false } : null;
}

/** A value with its unit when the unit goes with the value (97.5 → "97.5%"). */
export function withUnit(text: string, unit: IndicatorUnit | null): string {
  return unit?.inline ? `${text}${unit.unit}` : text;
}
