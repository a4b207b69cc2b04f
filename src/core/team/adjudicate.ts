/**
 * Adjudication: the items of one document that the analysts decided, classified as in
 * INCEpTION's curation (all agree / only one analyst / disagree), and the adjudicated layer
 * built from the adjudicator's picks. Pure.
 *
 * Items: the analysts' *reviewed* findings (status other than 'suggested') grouped across
 * layers with the matching rule of ./agreement.ts (same id first, then the largest overlap,
 * one finding per analyst per item), analysts taken in the order given: the first analyst's
 * findings open items, each next analyst's findings join the item whose first finding they
 * match, or open a new one. An item's id is its first finding's id.
 *
 * Participants: the analysts who reviewed at least one finding in the document. For an item,
 * - `agree`: every participant decided it and all decisions are the same — all rejected it, or
 *   all asserted it (accepted or corrected) with the same effective data (span, kind, value,
 *   unit, …; accepted-as-is and corrected-to-the-same-values agree);
 * - `single`: only one analyst decided it;
 * - `disagree`: anything else (different decisions, or a participant without a decision while
 *   two or more made one).
 *
 * The adjudicated layer is an analyst's work (AnalystWork) of its own, with reviews written as
 * the adjudicator: `agree` items are taken as they are; others only when picked — take one
 * analyst's decision, take it with edited fields, or reject the item.
 */
import { type AnalystWork, emptyWork } from '../document/build';
import { type EffectiveFinding, isAcceptedStatus } from '../document/effective';
import type { Finding, Review, ReviewStatus } from '../store-schema';
import { type AnalystLayer, isReviewed, matchFindings } from './agreement';
import { stableJson } from './conflicts';

export type ItemClass = 'agree' | 'single' | 'disagree';

export interface AdjudicationItem {
  /** the first finding's id (stable for the same layers) */
  id: string;
  class: ItemClass;
  /** each deciding analyst's finding */
  decisions: { analyst: string; finding: EffectiveFinding }[];
  /** participants with no decision on this item */
  missing: string[];
  start: number;
  end: number;
}

/** What an analyst decided, as a comparable text: 'rejected', or the asserted effective data. */
export function decisionKey(f: EffectiveFinding): string {
  if (!isAcceptedStatus(f.status)) return f.status;
  return `asserted:${f.type}:${stableJson(f.data)}`;
}

/** The items of one document, in reading order, with their class. */
export function adjudicationItems(layers: readonly AnalystLayer[]): AdjudicationItem[] {
  const participants = layers.filter((l) => l.findings.some(isReviewed)).map((l) => l.analyst);
  const items: { decisions: { analyst: string; finding: EffectiveFinding }[] }[] = [];
  for (const layer of layers) {
    const reviewed = layer.findings.filter(isReviewed);
    if (reviewed.length === 0) continue;
    const heads = items.map((it) => it.decisions[0]!.finding);
    const matched = matchFindings(heads, reviewed);
    const taken = new Set<EffectiveFinding>();
    const headIndex = new Map(heads.map((h, i) => [h, i]));
    for (const m of matched) {
      items[headIndex.get(m.a)!]!.decisions.push({ analyst: layer.analyst, finding: m.b });
      taken.add(m.b);
    }
    for (const f of reviewed) if (!taken.has(f)) items.push({ decisions: [{ analyst: layer.analyst, finding: f }] });
  }
  return items
    .map((it): AdjudicationItem => {
      const head = it.decisions[0]!.finding;
      const deciding = new Set(it.decisions.map((d) => d.analyst));
      const missing = participants.filter((a) => !deciding.has(a));
      const keys = new Set(it.decisions.map((d) => decisionKey(d.finding)));
      const cls: ItemClass = it.decisions.length === 1 ? 'single' : missing.length === 0 && keys.size === 1 ? 'agree' : 'disagree';
      return { id: head.id, class: cls, decisions: it.decisions, missing, start: Math.min(...it.decisions.map((d) => d.finding.start)), end: Math.max(...it.decisions.map((d) => d.finding.end)) };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The adjudicator's choice for one item. */
export type AdjudicationPick =
  /** take this analyst's decision (with `fields` over the effective data, when given: an edit) */
  | { item: string; take: string; fields?: Record<string, unknown> }
  /** the item is not a finding: reject it */
  | { item: string; reject: true };

export interface AdjudicationResult {
  work: AnalystWork;
  /** items neither agreed nor picked: still in the queue */
  open: AdjudicationItem[];
  /** picks naming an unknown item or an analyst without a decision on it */
  invalid: AdjudicationPick[];
}

/**
 * The adjudicated layer of one document. `adjudicator` is recorded as the annotator of every
 * review; `now` as its time.
 */
/**
 * s7: an analyst's tag ids → the ids of the same tags (by name) where the layer is named (each
 * analyst's app makes its own tag ids; one id may name two tags on two machines).
 */
export type TagTranslation = (analyst: string, tags: readonly string[]) => string[];

export function adjudicate(items: readonly AdjudicationItem[], picks: readonly AdjudicationPick[], adjudicator: string, now: string, tags?: TagTranslation): AdjudicationResult {
  const work = emptyWork();
  const byId = new Map(items.map((it) => [it.id, it]));
  const picked = new Map<string, AdjudicationPick>();
  const invalid: AdjudicationPick[] = [];
  for (const p of picks) {
    const it = byId.get(p.item);
    if (!it || ('take' in p && !it.decisions.some((d) => d.analyst === p.take))) invalid.push(p);
    else picked.set(p.item, p);
  }
  const open: AdjudicationItem[] = [];
  for (const it of items) {
    const p = picked.get(it.id);
    if (!p) {
      if (it.class === 'agree') write(work, it.decisions[0]!, undefined, adjudicator, now, tags);
      else open.push(it);
      continue;
    }
    if ('reject' in p) {
      // a detector finding is rejected by a review; a finding only analysts added is simply not taken
      const detector = it.decisions.find((d) => d.finding.origin === 'detector');
      if (detector) write(work, detector, undefined, adjudicator, now, tags, 'rejected');
      continue;
    }
    write(work, it.decisions.find((d) => d.analyst === p.take)!, p.fields, adjudicator, now, tags);
  }
  return { work, open, invalid };
}

/** The finding as stored (before the analyst's review), for a manual finding to copy. */
function storedFinding(f: EffectiveFinding): Finding {
  return { type: f.type, id: f.id, origin: f.origin, data: f.original ?? f.data } as Finding;
}

function write(work: AnalystWork, d: { analyst: string; finding: EffectiveFinding }, edit: Record<string, unknown> | undefined, adjudicator: string, now: string, tags: TagTranslation | undefined, status?: ReviewStatus): void {
  const f = d.finding;
  const base = f.review;
  const fields = { ...(base?.fields ?? {}), ...(edit ?? {}) };
  const edited = edit !== undefined && Object.keys(edit).length > 0;
  let st: ReviewStatus = status ?? (base?.status === 'rejected' ? 'rejected' : base?.status ?? 'accepted');
  if (!status && edited) st = 'corrected';
  if (st === 'rejected') for (const k of Object.keys(fields)) delete fields[k];
  const review: Review = {
    findingId: f.id,
    status: st,
    fields,
    tags: base ? (tags ? tags(d.analyst, base.tags) : base.tags) : [],
    note: base?.note ?? '',
    updatedAt: now,
    annotator: adjudicator,
    anchor: base?.anchor ?? { start: f.start, end: f.end, quote: '', prefix: '', suffix: '' },
  };
  if (f.origin === 'manual') work.manualFindings.push(storedFinding(f));
  work.reviews[f.id] = review;
}
