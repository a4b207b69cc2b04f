/**
 * Why a text defect was found, as a code and parameters that a UI words in its own language.
 * The detectors keep an English `note` for logs, the CLI and the JSONL export; this reads the
 * finding (its kind, text, fix and the detectors' fixed note vocabulary) and never hands the
 * English on: a note it does not know gives the kind's general reason.
 */
import type { Defect } from '../schema';
import { type FixEdit, fixEdits } from './fix-edits';

export type DefectReasonCode =
  | 'foreign_token'
  | 'markup.md_bold'
  | 'markup.md_image'
  | 'markup.md_link'
  | 'markup.md_code'
  | 'markup.md_rule'
  | 'markup.md_heading'
  | 'markup.md_list'
  | 'markup.md_stray'
  | 'markup.html_tag'
  | 'markup.html_comment'
  | 'markup.html_entity'
  | 'caption.picture'
  | 'caption.credit'
  | 'caption.byline'
  | 'caption.layout'
  | 'caption.headline'
  | 'broken_paragraph'
  | 'broken_paragraph.hardWrap'
  | 'punct.report'
  | 'punct.passage'
  | 'punct.mark'
  | 'kind.broken_paragraph'
  | 'kind.foreign_token'
  | 'kind.markup_residue'
  | 'kind.caption'
  | 'kind.mixed_punctuation'
  | 'kind.consistency';

export interface DefectReason {
  code: DefectReasonCode;
  params: Record<string, string | number>;
}

/** The start of the note of the one finding over a whole report written in half-width punctuation (punctuation.ts). */
export const REPORT_WIDE_NOTE = 'the report uses half-width punctuation throughout';

const MARKUP: Record<string, DefectReasonCode> = {
  'markdown bold **…**': 'markup.md_bold',
  'markdown bold __…__': 'markup.md_bold',
  'markdown image': 'markup.md_image',
  'markdown link': 'markup.md_link',
  'markdown code': 'markup.md_code',
  'markdown horizontal rule': 'markup.md_rule',
  'markdown heading marker': 'markup.md_heading',
  'markdown list/quote marker': 'markup.md_list',
  'stray markdown **': 'markup.md_stray',
  'HTML tag': 'markup.html_tag',
  'HTML comment': 'markup.html_comment',
  'HTML entity': 'markup.html_entity',
};

const CAPTION: Record<string, DefectReasonCode> = {
  'picture caption': 'caption.picture',
  'picture credit': 'caption.credit',
  'picture credit in the prose': 'caption.credit',
  byline: 'caption.byline',
  'layout line': 'caption.layout',
  'newspaper headline inside the prose': 'caption.headline',
};

/** The half-width marks a punctuation fix makes full-width: the places where text and fix differ (one character each). */
export function changedMarks(d: Pick<Defect, 'text' | 'replacement'>): string[] {
  const { text, replacement } = d;
  if (replacement === null || replacement.length !== text.length) return [];
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== replacement[i]) out.push(text[i]);
  return out;
}

/**
 * A finding about the whole report rather than a place in it: the one half-width punctuation
 * finding of a report written in half-width punctuation, from its first mark to its last. Shown
 * as a notice over the report with a count and one fix, not as a span over the text.
 */
export function isReportWide(d: Pick<Defect, 'kind' | 'note' | 'text'>): boolean {
  if (isHardWrap(d)) return true;
  return d.kind === 'mixed_punctuation' && ((d.note?.startsWith(REPORT_WIDE_NOTE) ?? false) || d.text.includes('\n'));
}

/** The start of the note of the one finding over a hard-wrapped report (broken-paragraph.ts). */
export const HARD_WRAP_NOTE = 'hard-wrapped text:';

/**
 * The one finding over a hard-wrapped report (text copied out of a PDF, a line break at the end
 * of every printed line), from the first break to join to the last: report-wide too.
 */
export function isHardWrap(d: Pick<Defect, 'kind' | 'note'>): boolean {
  return d.kind === 'broken_paragraph' && (d.note?.startsWith(HARD_WRAP_NOTE) ?? false);
}

const editsCache = new WeakMap<object, FixEdit[]>();

/** The edits of a defect's fix (none without a fix), computed once per defect. */
export function defectEdits(d: Pick<Defect, 'text' | 'replacement'>): FixEdit[] {
  let e = editsCache.get(d);
  if (!e) {
    e = d.replacement === null ? [] : fixEdits(d.text, d.replacement);
    editsCache.set(d, e);
  }
  return e;
}

/**
 * Records the edits of a defect's fix that are known already (a long fix reaches the UI as its
 * edits, core/findings-pack): defectEdits then gives them without walking the whole text again.
 * They must be fixEdits(d.text, d.replacement).
 */
export function knownDefectEdits(d: Pick<Defect, 'text' | 'replacement'>, edits: FixEdit[]): void {
  editsCache.set(d, edits);
}

/** How many places a report-wide fix changes: marks made full-width, or line breaks joined. */
export function reportWideCount(d: Pick<Defect, 'kind' | 'note' | 'text' | 'replacement'>): number {
  return isHardWrap(d) ? defectEdits(d).length : changedMarks(d).length;
}

export function defectReason(d: Defect): DefectReason {
  const note = d.note ?? '';
  switch (d.kind) {
    case 'foreign_token': {
      const word = d.text.trim();
      return word ? { code: 'foreign_token', params: { word } } : { code: 'kind.foreign_token', params: {} };
    }
    case 'markup_residue': {
      const code = MARKUP[note];
      return code ? { code, params: { text: d.text.trim() } } : { code: 'kind.markup_residue', params: {} };
    }
    case 'caption': {
      const code = CAPTION[note];
      return code ? { code, params: {} } : { code: 'kind.caption', params: {} };
    }
    case 'broken_paragraph':
      if (isHardWrap(d)) return { code: 'broken_paragraph.hardWrap', params: { count: defectEdits(d).length } };
      // the note is a quote of the two halves ("…持 / 续夯基础…"), no words: it reads in any language
      return note && !/[A-Za-z]{3}/.test(note) ? { code: 'broken_paragraph', params: { quote: note } } : { code: 'kind.broken_paragraph', params: {} };
    case 'mixed_punctuation': {
      const marks = changedMarks(d);
      if (isReportWide(d)) return { code: 'punct.report', params: { count: marks.length } };
      if (marks.length > 1) return { code: 'punct.passage', params: { count: marks.length } };
      if (marks.length === 1) return { code: 'punct.mark', params: { mark: marks[0] } };
      return { code: 'kind.mixed_punctuation', params: {} };
    }
    case 'consistency':
      return { code: 'kind.consistency', params: {} };
  }
}

export interface FixSample {
  /** a few characters before the mark (within the finding) */
  before: string;
  from: string;
  to: string;
  after: string;
}

/**
 * A few places of a long fix, spread over it, each with a little context: what a report-wide
 * punctuation fix does, shown without a wall of struck-through text.
 */
export function fixSamples(d: Pick<Defect, 'text' | 'replacement'>, count = 3, context = 8): FixSample[] {
  const { text, replacement } = d;
  if (replacement === null) return [];
  if (replacement.length !== text.length) return editSamples(text, defectEdits(d), count, context);
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== replacement[i]) at.push(i);
  if (at.length === 0) return [];
  const picks = at.length <= count ? at : Array.from({ length: count }, (_, k) => at[Math.round((k * (at.length - 1)) / Math.max(1, count - 1))]);
  return [...new Set(picks)].map((i) => ({
    before: cut(text.slice(Math.max(0, i - context * 2), i), context, 'end'),
    from: text[i],
    to: replacement[i],
    after: cut(text.slice(i + 1, i + 1 + context * 2), context, 'start'),
  }));
}

/** Samples of a fix that adds or removes characters (a hard-wrapped report's joined line breaks): a few of its edits, spread over it. */
function editSamples(text: string, edits: readonly FixEdit[], count: number, context: number): FixSample[] {
  if (edits.length === 0) return [];
  const picks = edits.length <= count ? edits : Array.from({ length: count }, (_, k) => edits[Math.round((k * (edits.length - 1)) / Math.max(1, count - 1))]);
  return [...new Set(picks)].map((e) => ({
    before: cut(text.slice(Math.max(0, e.at - context * 2), e.at), context, 'end'),
    from: shorten(text.slice(e.at, e.at + e.del), context),
    to: shorten(e.ins, context),
    after: cut(text.slice(e.at + e.del, e.at + e.del + context * 2), context, 'start'),
  }));
}

/** A long deleted or inserted run as its first and last n code points around an ellipsis. */
function shorten(s: string, n: number): string {
  if (s.length <= n * 3) return s;
  return `${cut(s.slice(0, n * 2), n, 'start')}…${cut(s.slice(-n * 2), n, 'end')}`;
}

/** At most n code points of s, from its end or its start (no split surrogate pair). */
function cut(s: string, n: number, keep: 'start' | 'end'): string {
  const cps = [...s];
  return keep === 'start' ? cps.slice(0, n).join('') : cps.slice(-n).join('');
}
