import type { DocumentMeta, Finding, Review } from '../store-schema';

/** Whether a finding is review work: names and boilerplate are not (shown dimmed, not counted). */
export function isReviewWork(f: Finding): boolean {
  return !((f.type === 'figure' && f.data.kind === 'name') || (f.type === 'duplicate' && f.data.kind === 'boilerplate'));
}

/** What the counts take from the findings alone, once per findings array (a review does not change it; arrays are never mutated in place). */
const findingCounts = new WeakMap<readonly Finding[], { figures: number; duplicates: number; defects: number; counted: Set<string> }>();

/**
 * A document's counts as the index and the document list show them: names and boilerplate are
 * not review work and are not counted; `reviewed` counts the findings with a status other than
 * suggested; `orphans` the reviews waiting to be placed again. The findings are walked once per
 * findings array, then only the reviews (a review on a 20k-finding report costs microseconds).
 */
export function countFindings(findings: readonly Finding[], reviews: Readonly<Record<string, Review>>, orphans: readonly Review[] = []): DocumentMeta['counts'] {
  let base = findingCounts.get(findings);
  if (!base) {
    base = { figures: 0, duplicates: 0, defects: 0, counted: new Set<string>() };
    for (const f of findings) {
      if (!isReviewWork(f)) continue;
      if (f.type === 'figure') base.figures++;
      else if (f.type === 'duplicate') base.duplicates++;
      else base.defects++;
      base.counted.add(f.id);
    }
    findingCounts.set(findings, base);
  }
  let reviewed = 0;
  for (const id in reviews) {
    if (!Object.prototype.hasOwnProperty.call(reviews, id)) continue;
    const st = reviews[id].status;
    if (st !== 'suggested' && base.counted.has(id)) reviewed++;
  }
  const { figures, duplicates, defects } = base;
  return { figures, duplicates, defects, reviewed, total: figures + duplicates + defects, orphans: orphans.length };
}
