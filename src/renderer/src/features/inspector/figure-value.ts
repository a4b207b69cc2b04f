/**
 * A figure's value as the inspector shows it. Quantities follow the analyst's number style
 * (34,000,000 / 3400万); a date's value is a year (2023), never a quantity: no grouping, no 万.
 */
export function figureValueText(value: number, kind: string, num: (n: number) => string): string {
  if (kind === 'date') return Number.isFinite(value) ? String(value) : '—';
  return num(value);
}
