/**
 * The adjudicated layer as it is kept: one adjudicator's choices on one report, each frozen as
 * the review (and manual finding) it produced when it was made. Pure.
 *
 * - `applyChoice(file, items, item, choice, adjudicator, now)` → the file after the adjudicator
 *   settled (or, with null, un-settled) one item of the queue (./adjudicate.ts items);
 * - `adjudicatedWork(items, file, adjudicator, now)` → the layer: the items every participant
 *   agrees on, taken live from the analysts' layers (so they follow the analysts), with the
 *   frozen results of the adjudicator's choices over them (a choice keeps what was chosen even
 *   when the analyst later changes their mind: `isStale` says so);
 * - `latestAdjudication(files)` → where several adjudicators settled one report (each writes
 *   only their own file), the one updated last.
 */
import { type AnalystWork, emptyWork } from '../document/build';
import type { Finding, Review } from '../store-schema';
import { type AdjudicationItem, type AdjudicationPick, type TagTranslation, adjudicate, decisionKey } from './adjudicate';

export type AdjudicationChoice = { take: string; fields?: Record<string, unknown> } | { reject: true };

export interface StoredChoice {
  choice: AdjudicationChoice;
  /** adjudicator id */
  by: string;
  at: string;
  /** the taken analyst's decision when chosen (./adjudicate decisionKey), null for a reject */
  key: string | null;
  /** the review ids and manual finding ids this choice wrote into `work` */
  reviewIds: string[];
  findingIds: string[];
}

export interface AdjudicationFileData {
  schemaVersion: 1;
  documentId: string;
  adjudicator: { id: string; name: string };
  updatedAt: string;
  /** item id → the choice */
  choices: Record<string, StoredChoice>;
  /** the frozen results of the choices */
  work: { reviews: Record<string, Review>; manualFindings: Finding[] };
}

export function emptyAdjudication(documentId: string, adjudicator: { id: string; name: string }, now: string): AdjudicationFileData {
  return { schemaVersion: 1, documentId, adjudicator, updatedAt: now, choices: {}, work: { reviews: {}, manualFindings: [] } };
}

const toPick = (item: string, c: AdjudicationChoice): AdjudicationPick => ('reject' in c ? { item, reject: true } : c.fields ? { item, take: c.take, fields: c.fields } : { item, take: c.take });

/**
 * The file with `choice` recorded for `itemId` (null removes the choice). Throws a TypeError
 * when the item is not among `items` or the chosen analyst made no decision on it.
 */
export function applyChoice(file: AdjudicationFileData, items: readonly AdjudicationItem[], itemId: string, choice: AdjudicationChoice | null, adjudicator: { id: string; name: string }, now: string, tags?: TagTranslation): AdjudicationFileData {
  const reviews = { ...file.work.reviews };
  let manual = [...file.work.manualFindings];
  const choices = { ...file.choices };
  const before = choices[itemId];
  if (before) {
    for (const id of before.reviewIds) delete reviews[id];
    const drop = new Set(before.findingIds);
    manual = manual.filter((f) => !drop.has(f.id));
    delete choices[itemId];
  }
  if (choice !== null) {
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new TypeError(`no item ${itemId} in the queue`);
    const r = adjudicate([item], [toPick(itemId, choice)], adjudicator.name, now, tags);
    if (r.invalid.length > 0) throw new TypeError(`${'take' in choice ? choice.take : 'reject'}: no decision of that analyst on item ${itemId}`);
    Object.assign(reviews, r.work.reviews);
    const ids = new Set(r.work.manualFindings.map((f) => f.id));
    manual = [...manual.filter((f) => !ids.has(f.id)), ...r.work.manualFindings];
    const taken = 'take' in choice ? item.decisions.find((d) => d.analyst === choice.take)! : null;
    choices[itemId] = { choice, by: adjudicator.id, at: now, key: taken ? decisionKey(taken.finding) : null, reviewIds: Object.keys(r.work.reviews), findingIds: [...ids] };
  }
  return { ...file, adjudicator, updatedAt: now, choices, work: { reviews, manualFindings: manual } };
}

/** The adjudicated layer of a report (see the top). */
export function adjudicatedWork(items: readonly AdjudicationItem[], file: AdjudicationFileData | null, adjudicator: string, now: string, tags?: TagTranslation): AnalystWork {
  const chosen = file?.choices ?? {};
  const live = adjudicate(items.filter((i) => !chosen[i.id]), [], adjudicator, now, tags).work;
  if (!file) return live;
  const work = emptyWork();
  // s7: the adjudicator's choices hold their tag ids: translated like the analysts' (tags)
  const stored = tags ? Object.fromEntries(Object.entries(file.work.reviews).map(([id, r]) => [id, { ...r, tags: tags(file.adjudicator.id, r.tags) }])) : file.work.reviews;
  work.reviews = { ...live.reviews, ...stored };
  const ids = new Set(file.work.manualFindings.map((f) => f.id));
  work.manualFindings = [...live.manualFindings.filter((f) => !ids.has(f.id)), ...file.work.manualFindings];
  return work;
}

/** The chosen analyst's decision on the item is no longer the one that was chosen. */
export function isStale(item: AdjudicationItem, stored: StoredChoice | undefined): boolean {
  if (!stored || !('take' in stored.choice)) return false;
  const take = stored.choice.take;
  const d = item.decisions.find((x) => x.analyst === take);
  return !d || decisionKey(d.finding) !== stored.key;
}

/** The adjudication updated last (ties: the adjudicator id, so every machine picks the same). */
export function latestAdjudication<T extends Pick<AdjudicationFileData, 'updatedAt' | 'adjudicator'>>(files: readonly T[]): T | null {
  let best: T | null = null;
  for (const f of files) {
    if (!best || f.updatedAt > best.updatedAt || (f.updatedAt === best.updatedAt && f.adjudicator.id > best.adjudicator.id)) best = f;
  }
  return best;
}
