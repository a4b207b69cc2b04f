import type { Defect } from '../schema';
import type { Paragraph } from '../text';

/** Finds text defects with suggested corrections. Offsets are code points. */
export function detectDefects(text: string, paragraphs: Paragraph[]): Defect[] {
  void text; void paragraphs;
  return [];
}
