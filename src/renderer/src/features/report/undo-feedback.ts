/**
 * What an undo (or redo) changed, for its feedback: the step's verb, the finding it touched (to
 * select it) and a short label of that finding, found by comparing the report before and after
 * (the backend answers the new state, not the step). Pure.
 */
import type { Finding, Review } from '../../../../core/store-schema';
import { primarySpan } from './model';

export type UndoVerb = 'accept' | 'reject' | 'correct' | 'reset' | 'tag' | 'note' | 'add' | 'remove' | 'change';

export interface UndoChange {
  verb: UndoVerb;
  /** the findings the step touched (those that still exist come first) */
  findingIds: string[];
  /** the finding to select after the undo/redo (one that exists afterwards), or null */
  selectId: string | null;
}

interface State {
  findings: readonly Finding[];
  reviews: Readonly<Record<string, Review>>;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The verb of the step that turned review `prior` into review `produced`. */
function verbOf(prior: Review | undefined, produced: Review | undefined): UndoVerb {
  const ps = prior?.status ?? 'suggested';
  const ns = produced?.status ?? 'suggested';
  if (ps !== ns) {
    switch (ns) {
      case 'accepted':
        return 'accept';
      case 'rejected':
        return 'reject';
      case 'corrected':
        return 'correct';
      case 'suggested':
        return 'reset';
      default:
        return 'change';
    }
  }
  if (!sameList(prior?.tags ?? [], produced?.tags ?? [])) return 'tag';
  if ((prior?.note ?? '') !== (produced?.note ?? '')) return 'note';
  if (JSON.stringify(prior?.fields ?? {}) !== JSON.stringify(produced?.fields ?? {})) return 'correct';
  return 'change';
}

const changed = (a: Review | undefined, b: Review | undefined): boolean =>
  a !== b && (a === undefined || b === undefined || a.updatedAt !== b.updatedAt || a.status !== b.status || !sameList(a.tags, b.tags) || a.note !== b.note);

/**
 * The change between two states of a report. `kind` says which way: an undo reverts the step
 * that produced `before`; a redo applies the step that produces `after`.
 */
export function describeUndo(kind: 'undo' | 'redo', before: State, after: State): UndoChange | null {
  const [prior, produced] = kind === 'undo' ? [after, before] : [before, after];
  // the findings list is the same object when the step added or removed none (the usual case)
  if (prior.findings !== produced.findings) {
    const afterIds = new Set(after.findings.map((f) => f.id));
    const priorIds = new Set(prior.findings.map((f) => f.id));
    const producedIds = new Set(produced.findings.map((f) => f.id));
    // a finding added or removed by the step (a manual finding)
    const added = produced.findings.filter((f) => !priorIds.has(f.id)).map((f) => f.id);
    const removed = prior.findings.filter((f) => !producedIds.has(f.id)).map((f) => f.id);
    if (added.length || removed.length) {
      const ids = [...added, ...removed];
      return { verb: added.length ? 'add' : 'remove', findingIds: ids, selectId: ids.find((id) => afterIds.has(id)) ?? null };
    }
  }
  const ids: string[] = [];
  for (const id in prior.reviews) if (changed(prior.reviews[id], produced.reviews[id])) ids.push(id);
  for (const id in produced.reviews) if (!(id in prior.reviews)) ids.push(id);
  if (ids.length === 0) return null;
  if (ids.length > 1) {
    // reading order of the findings (the first one is selected)
    const pos = new Map(after.findings.map((f, i) => [f.id, i]));
    ids.sort((a, b) => (pos.get(a) ?? Infinity) - (pos.get(b) ?? Infinity));
  }
  const exists = (id: string): boolean => after.findings.some((f) => f.id === id);
  return { verb: verbOf(prior.reviews[ids[0]], produced.reviews[ids[0]]), findingIds: ids, selectId: ids.find(exists) ?? null };
}

/** A short label of a finding: a figure's metric phrase and text (召开常委会会议9次), else its text, cut at `max` characters. */
export function findingLabel(f: Finding, slice: (start: number, end: number) => string, max = 24): string {
  const span = primarySpan(f);
  // a few times the label's length is read, not a whole hard-wrapped report
  const end = Math.min(span.end, span.start + max * 4);
  let text = slice(span.start, end).replace(/\s+/g, ' ').trim();
  if (f.type === 'figure' && f.data.metric && !text.startsWith(f.data.metric)) text = f.data.metric + text;
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : end < span.end ? text + '…' : text;
}
