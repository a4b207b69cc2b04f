import type { Duplicate } from '../schema';
import type { OffsetMap, Paragraph } from '../text';
import { type BoilerplateModel, boilerplateCoverage } from './boilerplate';
import { patternHits } from './formulae';
import { makeContext, span } from './context';
import { findCopies } from './copied';
import { exactGroups } from './exact';
import { boilerplateGroups, type CopiesOf, copiedGroups, groupDuplicate, nearGroups } from './groups';
import { NearIndex } from './near';
import { findRepeats } from './repeated-word';

export { BoilerplateBuilder, MIN_CORPUS, buildBoilerplate, type BoilerplateModel } from './boilerplate';

/**
 * Finds duplicated text in one document (ANNOTATION-GUIDE §2). Offsets are code points.
 * Order of work, all linear in the text:
 * 1. exact_paragraph: paragraphs equal after folding (≥ 20 characters), one group per text;
 *    only the first of each group takes part in what follows, its copies are mirrored into
 *    the places of any passage found in it;
 * 2. shared runs of ≥ 20 characters between different paragraphs (winnowed fingerprints);
 * 3. near_paragraph: pairs sharing a run with 5-gram Jaccard ≥ 0.8 (not exact);
 * 4. copied_passage: the other runs, grouped by first occurrence, minus boilerplate;
 * 5. repeated_word; 6. boilerplate: passages of the model and shipped formulae, ≥ 20 chars,
 *    one finding per distinct passage with every place where it stands.
 */
export function detectDuplicates(text: string, paragraphs: Paragraph[], boilerplate?: BoilerplateModel, map?: OffsetMap): Duplicate[] {
  const ctx = makeContext(text, paragraphs, map);
  const out: Duplicate[] = [];

  const copies: CopiesOf = new Map();
  const skip = new Set<number>();
  for (const g of exactGroups(ctx)) {
    const [first, ...rest] = g;
    copies.set(first, rest);
    for (const r of rest) skip.add(r);
    const places = g.map((i) => span(ctx, paragraphs[i].start, paragraphs[i].end));
    out.push(groupDuplicate('exact_paragraph', places, places[0].end - places[0].start));
  }

  const active: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) if (!skip.has(i)) active.push(i);
  const matches = findCopies(ctx, active);
  const near = nearGroups(ctx, matches, new NearIndex(ctx), copies);
  out.push(...near.duplicates);

  const coverage = boilerplateCoverage(ctx.folded, paragraphs, boilerplate, patternHits(text, (u) => ctx.map.toCp(u)));
  out.push(...copiedGroups(ctx, matches, near.pairs, coverage, copies));

  for (const r of findRepeats(ctx)) {
    const a = r.a ?? { start: r.start, end: r.start + r.len };
    const b = r.b ?? { start: r.start + r.len, end: r.start + 2 * r.len };
    out.push({ kind: 'repeated_word', a: span(ctx, a.start, a.end), b: span(ctx, b.start, b.end), length: r.len });
  }

  out.push(...boilerplateGroups(ctx, coverage));
  return out.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}
