import type { DocumentMeta, Finding, Review } from '../store-schema';

/** Whether a finding is review work: names and boilerplate are not (shown dimmed, not counted). */
export function isReviewWork(f: Finding): boolean {
  return !((f.type === 'figure' && f.data.kind === 'name') || (f.type === 'duplicate' && f.data.kind === 'boilerplate'));
}

/**
 * A document's counts as the index and the document list show them: names and boilerplate are
 * not review work and are not counted; `reviewed` counts the findings with a status other than
 * suggested; `orphans` the reviews waiting to be placed again.
 */
export function countFindings(findings: readonly Finding[], reviews: Readonly<Record<string, Review>>, orphans: readonly Review[] = []): DocumentMeta['counts'] {
  let figures = 0;
  let duplicates = 0;
  let defects = 0;
  let reviewed = 0;
  for (const f of findings) {
    if (!isReviewWork(f)) continue;
    if (f.type === 'figure') figures++;
    else if (f.type === 'duplicate') duplicates++;
    else defects++;
    const st = reviews[f.id]?.status;
    if (st && st !== 'suggested') reviewed++;
  }
  return { figures, duplicates, defects, reviewed, total: figures + duplicates + defects, orphans: orphans.length };
}
