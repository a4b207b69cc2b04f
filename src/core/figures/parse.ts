/**
 * Value parser for a figure's surface text, for the UI (editing a figure by hand):
 * '3400万' → 34000000, '两万余条' → 20000 条 more, '百分之九十七点五' → 97.5 %.
 */
import type { Approx, FigureKind } from '../schema';
import { isNumeralStart } from './numerals';
import { readFigure, readNumberToken, readPercentWord } from './read';

export interface ParsedFigure {
  value: number | null;
  value_to: number | null;
  unit: string | null;
  approx: Approx;
  kind: FigureKind;
}

/** Parses the surface text of one figure; null if it is not a number with its unit. */
export function parseFigureText(input: string): ParsedFigure | null {
  const s = input.trim();
  if (!s) return null;
  let i = 0;
  while (i < s.length && i < 4 && !isNumeralStart(s.charCodeAt(i))) i++;
  if (i >= s.length) return null;
  const percent = s.startsWith('百分之', i) ? readPercentWord(s, i) : null;
  const tok = percent ? null : readNumberToken(s, i);
  const fig = percent ?? (tok ? readFigure(s, tok) : null);
  if (fig) {
    if (fig.start !== 0 || fig.end !== s.length) return null;
    return { value: fig.value, value_to: fig.value_to, unit: fig.unit, approx: fig.approx, kind: fig.kind };
  }
  // a bare number: 1234, 两万
  if (tok && i === 0 && tok.end === s.length && tok.value !== null) {
    return { value: tok.value, value_to: null, unit: null, approx: null, kind: 'count' };
  }
  return null;
}
