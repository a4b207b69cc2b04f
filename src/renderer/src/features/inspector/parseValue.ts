/**
 * Parsing what the analyst types into a figure's value field ("3400万" → 34000000) and what they
 * select as a manual figure: a thin adapter over `parseFigureText` / `parseChineseNumber` from
 * core/figures, which read qualifiers, multipliers, units and ranges.
 */
import { parseChineseNumber, parseFigureText } from '../../../../core/figures';
import type { Approx, FigureKind } from '../../../../core/schema';

export interface ParsedFigure {
  value: number | null;
  valueTo: number | null;
  unit: string | null;
  approx: Approx;
}

/** A Chinese numeral alone (两万 → 20000, 二〇二四 → 2024); null if s is not one. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]+$/.test(s)) return null;
  return parseChineseNumber(s);
}

function fromCore(input: string): ParsedFigure | null {
  try {
    const r = parseFigureText(input.trim());
    return r && r.value !== null ? { value: r.value, valueTo: r.value_to, unit: r.unit, approx: r.approx } : null;
  } catch {
    return null;
  }
}

/** A figure's text read by core/figures (number, qualifier, multiplier, unit, range). */
export function parseFigureLocal(input: string): ParsedFigure | null {
  return fromCore(input);
}

/** Parses a figure's text, or a bare number, with core/figures. */
export function parseFigureInput(input: string): ParsedFigure | null {
  const parsed = fromCore(input);
  if (parsed) return parsed;
  try {
    const v = parseChineseNumber(input.trim());
    if (v !== null && Number.isFinite(v)) return { value: v, valueTo: null, unit: null, approx: null };
  } catch {
    // not a number
  }
  return null;
}

/** The detector's kind for a figure text, when core/figures reads it. */
export function coreKind(input: string): FigureKind | null {
  try {
    return parseFigureText(input)?.kind ?? null;
  } catch {
    return null;
  }
}

/** A value typed into the value field: "3400万" → 34000000, "97.5%" → 97.5; null if not a number. */
export function parseValueInput(input: string): number | null {
  const p = parseFigureInput(input);
  return p ? p.value : null;
}

/** Guesses a figure's kind from its text (for manual figures). */
export function guessKind(text: string): FigureKind {
  const k = coreKind(text);
  if (k) return k;
  const s = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/%|百分点|百分之/.test(s)) return 'percent';
  if (/元/.test(s)) return 'money';
  if (/^\d+(\.\d+)?[-—－–~～至到]\d+/.test(s)) return 'range';
  if (/(个月|周|天|小时|年间|年来|日内|月内|年内)/.test(s) && !/\d{4}年/.test(s)) return 'duration';
  if (/(\d{4}年|\d+月|\d+日|月底|年底)/.test(s)) return 'date';
  if (!/[\d零〇一二两三四五六七八九十百千万亿]/.test(s)) return 'name';
  return 'count';
}
