/**
 * The corrected text of a report: accepted defect corrections applied to the original text.
 * A correction never edits the source; it is applied here, on export (ANNOTATION-GUIDE.md §3).
 */
import type { Defect } from '../schema';
import type { DocumentFile } from '../store-schema';
import { OffsetMap } from '../text';
import { effectiveFinding, isAcceptedStatus } from './model';

export interface AppliedCorrection {
  findingId: string;
  /** code point span in the original text */
  start: number;
  end: number;
  replacement: string;
}

export interface CorrectedText {
  text: string;
  applied: AppliedCorrection[];
  /** corrections not applied because they overlap an earlier one or fall outside the text */
  skipped: AppliedCorrection[];
}

/**
 * Accepted/corrected defects with a replacement (the analyst's `fields.replacement` when set),
 * chosen left to right so that overlapping ones are skipped (the earlier start wins; on a tie
 * the longer one), then applied as if right to left: every offset refers to the original text.
 */
export function correctedText(doc: Pick<DocumentFile, 'text' | 'findings' | 'reviews'>, map: OffsetMap = new OffsetMap(doc.text)): CorrectedText {
  const candidates: AppliedCorrection[] = [];
  for (const f of doc.findings) {
    if (f.type !== 'defect') continue;
    const review = doc.reviews[f.id];
    if (!review || !isAcceptedStatus(review.status)) continue;
    const e = effectiveFinding(f, review);
    const d = e.data as Defect;
    if (typeof d.replacement !== 'string') continue;
    candidates.push({ findingId: f.id, start: d.start, end: d.end, replacement: d.replacement });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const applied: AppliedCorrection[] = [];
  const skipped: AppliedCorrection[] = [];
  let reach = 0;
  for (const c of candidates) {
    if (c.start > c.end || c.end > map.cpLength || c.start < reach) skipped.push(c);
    else {
      applied.push(c);
      reach = c.end;
      // an insertion at a point (start == end) blocks another insertion at the same point
      if (c.start === c.end) reach = c.end + 0.5;
    }
  }
  // applied right to left in effect: the pieces between corrections are taken from the original
  const parts: string[] = [];
  let at = 0;
  for (const c of applied) {
    const s = map.toUtf16(c.start);
    parts.push(doc.text.slice(at, s), c.replacement);
    at = map.toUtf16(c.end);
  }
  parts.push(doc.text.slice(at));
  const text = parts.join('');
  return { text, applied, skipped };
}
