/**
 * Character diff of two duplicate places, via core/diff `diffText` (astral-safe: astral characters
 * are swapped for private-use characters before diff-match-patch runs). Paragraph against
 * paragraph only (see ARCHITECTURE.md).
 */
import { diffText } from '../../../../core/diff';

export type DiffOpName = 'equal' | 'delete' | 'insert';
export interface DiffPart {
  op: DiffOpName;
  text: string;
}

export function diffPassages(a: string, b: string): DiffPart[] {
  return diffText(a, b).map((p) => ({ op: p.op === 0 ? 'equal' : p.op === -1 ? 'delete' : 'insert', text: p.text }));
}
