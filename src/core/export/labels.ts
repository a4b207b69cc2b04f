/**
 * Span-label formats for annotation tools, one document at a time: Label Studio tasks,
 * doccano JSONL, brat standoff, character-level BIO (CoNLL style).
 *
 * Offsets: all of these are code points, as Python's `text[start:end]` reads them.
 * - doccano and brat are Python tools: code points.
 * - Label Studio: since the fix for emoji offsets (label-studio#1008 → PR #1559 /
 *   label-studio-frontend#308; the editor's own test "NER - Emoji - Text: Should calculate
 *   offsets by code points in text"), `value.start/end` of Text regions are code points, and its
 *   docs tell users to read them with Python `text[start:end]`. Label Studio before ~1.4 (2021)
 *   counted UTF-16 units (issue #1347); the importer below accepts either by checking the quote.
 */
import type { Duplicate } from '../schema';
import type { PreparedDocument } from './context';
import { type EffectiveFinding, inReadingOrder, isAcceptedStatus } from './model';

/** Findings that are labels (never rejected ones), in reading order. */
function labelFindings(p: PreparedDocument): EffectiveFinding[] {
  return inReadingOrder(p.findings.filter((f) => f.status !== 'rejected' && f.end > f.start));
}

// ------------------------------------------------------------------------- Label Studio

export interface LabelStudioResult {
  id: string;
  from_name: 'label';
  to_name: 'text';
  type: 'labels';
  origin?: string;
  value: { start: number; end: number; text: string; labels: string[] };
  meta?: { text: string[] };
}

export interface LabelStudioTask {
  data: { text: string; document: string; name: string };
  annotations?: { result: LabelStudioResult[]; ground_truth: boolean; completed_by?: string; created_at?: string; updated_at?: string }[];
  predictions?: { model_version: string; result: LabelStudioResult[]; score?: number }[];
  meta?: Record<string, unknown>;
}

export const LABEL_STUDIO_MODEL_VERSION = 'report-annotator';

function lsResult(p: PreparedDocument, f: EffectiveFinding): LabelStudioResult {
  const r: LabelStudioResult = { id: f.id, from_name: 'label', to_name: 'text', type: 'labels', value: { start: f.start, end: f.end, text: p.quote(f.start, f.end), labels: [f.kind] } };
  if (f.review?.note) r.meta = { text: [f.review.note] };
  return r;
}

/** A task per document: accepted/corrected findings as an annotation, unreviewed ones as a prediction. */
export function labelStudioTask(p: PreparedDocument): LabelStudioTask {
  const accepted: LabelStudioResult[] = [];
  const suggested: LabelStudioResult[] = [];
  let updated: string | null = null;
  const annotators = new Set<string>();
  for (const f of labelFindings(p)) {
    if (isAcceptedStatus(f.status)) {
      accepted.push(lsResult(p, f));
      if (f.review) {
        annotators.add(f.review.annotator);
        if (!updated || f.review.updatedAt > updated) updated = f.review.updatedAt;
      }
    } else suggested.push(lsResult(p, f));
  }
  const task: LabelStudioTask = { data: { text: p.doc.text, document: p.meta.id, name: p.meta.name } };
  if (accepted.length > 0) task.annotations = [{ result: accepted, ground_truth: false, ...(annotators.size ? { completed_by: [...annotators].join(', ') } : {}), ...(updated ? { updated_at: updated } : {}) }];
  if (suggested.length > 0) task.predictions = [{ model_version: LABEL_STUDIO_MODEL_VERSION, result: suggested }];
  return task;
}

/** A labeling config for the tasks (`<Labels name="label" toName="text">`). */
export function labelStudioConfig(labels: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return ['<View>', '  <Labels name="label" toName="text">', ...labels.map((l) => `    <Label value="${esc(l)}"/>`), '  </Labels>', '  <Text name="text" value="$text"/>', '</View>', ''].join('\n');
}

export const ALL_LABELS = ['count', 'money', 'percent', 'range', 'date', 'duration', 'name', 'exact_paragraph', 'near_paragraph', 'copied_passage', 'repeated_word', 'boilerplate', 'broken_paragraph', 'foreign_token', 'markup_residue', 'caption', 'mixed_punctuation', 'consistency'] as const;

// ------------------------------------------------------------------------------ doccano

export interface DoccanoLine {
  id: string;
  text: string;
  label: [number, number, string][];
  document: string;
}

export function doccanoLine(p: PreparedDocument): DoccanoLine {
  return { id: p.meta.id, text: p.doc.text, label: labelFindings(p).map((f) => [f.start, f.end, f.kind]), document: p.meta.name };
}

// --------------------------------------------------------------------------------- brat

/**
 * brat standoff: `T1\tlabel start end\ttext`, code point offsets into the .txt (written as the
 * document text, UTF-8, no BOM). A span crossing a line end is written as fragments
 * (`start end;start end`) joined by a space in the text field, as brat itself does. A note
 * becomes `#1\tAnnotatorNotes T1\tnote`.
 */
export function bratAnn(p: PreparedDocument): string {
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  for (const f of labelFindings(p)) {
    const quote = p.quote(f.start, f.end);
    const fragments: [number, number, string][] = [];
    let at = f.start;
    for (const piece of quote.split('\n')) {
      const len = [...piece].length;
      if (len > 0) fragments.push([at, at + len, piece]);
      at += len + 1;
    }
    if (fragments.length === 0) continue;
    t++;
    lines.push(`T${t}\t${f.kind} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${fragments.map((x) => x[2]).join(' ')}`);
    const note = f.review?.note?.replace(/[\r\n\t]+/g, ' ').trim();
    if (note) lines.push(`#${++n}\tAnnotatorNotes T${t}\t${note}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function bratAnnotationConf(labels: readonly string[] = ALL_LABELS): string {
  return ['[entities]', ...labels, '', '[relations]', '', '[events]', '', '[attributes]', ''].join('\n');
}

// -------------------------------------------------------------------------------- CoNLL

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);

/**
 * Character-level BIO over figures (the span type a sequence tagger learns): one character per
 * line, `字\tB-count`, a blank line after each sentence (。！？) and paragraph, never inside a
 * figure. Whitespace characters are left out (a tab-separated line cannot hold them). Where
 * figures overlap the earlier (then longer) one wins. Each document starts with `-DOCSTART-\tO`.
 */
export function conllLines(p: PreparedDocument, types: readonly EffectiveFinding['type'][] = ['figure']): string {
  const chars = Array.from(p.doc.text);
  const tags: string[] = new Array(chars.length).fill('O');
  let reach = 0;
  for (const f of labelFindings(p)) {
    if (!types.includes(f.type) || f.start < reach || f.end > chars.length) continue;
    const span = f.type === 'duplicate' ? (f.data as Duplicate).b : f;
    tags[span.start] = `B-${f.kind}`;
    for (let i = span.start + 1; i < span.end; i++) tags[i] = `I-${f.kind}`;
    reach = span.end;
  }
  const out: string[] = ['-DOCSTART-\tO', ''];
  let open = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\n') {
      if (open && !tags[i + 1]?.startsWith('I-')) {
        out.push('');
        open = false;
      }
      continue;
    }
    if (/\s/u.test(c)) continue;
    out.push(`${c}\t${tags[i]}`);
    open = true;
    if (SENTENCE_END.has(c) && !tags[i + 1]?.startsWith('I-')) {
      out.push('');
      open = false;
    }
  }
  if (open) out.push('');
  return out.join('\n') + '\n';
}

