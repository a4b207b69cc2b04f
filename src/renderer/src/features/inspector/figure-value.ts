/** Units whose value is a calendar year: a range of years (2023–24年度, 2022/23學年) reads as years. */
const YEAR_UNITS = /^(?:年|年度|财政年度|財政年度|学年|學年)$/;

/**
 * A figure's value as the inspector shows it. Quantities follow the analyst's number style
 * (34,000,000 / 3400万); a year is never a quantity: a date's value, and the ends of a range of
 * years (2023–24年度), show as written (2023), with no grouping and no 万.
 */
export function figureValueText(value: number, kind: string, num: (n: number) => string, unit?: string | null): string {
  if (kind === 'date' || (kind === 'range' && unit && YEAR_UNITS.test(unit) && Number.isInteger(value))) return Number.isFinite(value) ? String(value) : '—';
  return num(value);
}
