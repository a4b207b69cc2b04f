/**
 * Workspace rules learned from the analyst's decisions, kept as plain JSON: names that are never
 * counts (`name`), metric, unit and other field corrections (`fix`), and patterns to ignore
 * (`ignore`). The detectors' findings pass through `applyRules` when a report is analysed again
 * (core stays pure: the rules are an input). A rule touches only detector findings no analyst
 * has reviewed: a finding with a review, and every manual finding, is passed through unchanged.
 * A finding keeps its id when a rule changes it (the id is the detector's), so a review made on
 * it later stays on it when the rule is edited or switched off.
 */
import { z } from 'zod';
import { Approx, FigureKind } from '../schema';
import type { Finding, Review } from '../store-schema';
import { OffsetMap } from '../text';
import { findingSpan } from '../document/findings';
import { clauseContext, clausePattern, foldSurface, likeModeOf, numberPattern, surfaceOf } from './like';

export const RuleProvenance = z.object({
  analyst: z.string(),
  documentId: z.string(),
  /** ISO time the decision was made */
  at: z.string(),
});
export type RuleProvenance = z.infer<typeof RuleProvenance>;

/** Which findings a rule is for: type and kind, and the folded surface text or the clause pattern. */
export const RuleMatch = z
  .object({
    type: z.enum(['figure', 'duplicate', 'defect']),
    kind: z.string().min(1),
    /** folded surface text (see foldSurface) */
    text: z.string().min(1).optional(),
    /** clause pattern (see clausePattern); figures only */
    pattern: z.string().min(2).optional(),
  })
  .refine((m) => (m.text === undefined) !== (m.pattern === undefined), { message: 'a rule matches by exactly one of text or pattern' })
  .refine((m) => m.pattern === undefined || m.type === 'figure', { message: 'a clause pattern is for figures' });
export type RuleMatch = z.infer<typeof RuleMatch>;

export const FixFields = z
  .object({
    kind: FigureKind,
    value: z.number().nullable(),
    value_to: z.number().nullable(),
    unit: z.string().nullable(),
    approx: Approx,
    metric: z.string().nullable(),
  })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, { message: 'a fix changes at least one field' });
export type FixFields = z.infer<typeof FixFields>;

export const RuleAction = z.discriminatedUnion('op', [
  /** drop the finding (a pattern that is never a finding) */
  z.object({ op: z.literal('ignore') }),
  /** a figure that is a name, never a count: kind name, no value, unit or metric */
  z.object({ op: z.literal('name') }),
  /** set these fields of a figure */
  z.object({ op: z.literal('fix'), fields: FixFields }),
]);
export type RuleAction = z.infer<typeof RuleAction>;

export const Rule = z
  .object({
    id: z.string().min(1),
    enabled: z.boolean(),
    match: RuleMatch,
    action: RuleAction,
    provenance: RuleProvenance,
    /** free text the analyst keeps with the rule */
    note: z.string().optional(),
  })
  .refine((r) => r.action.op === 'ignore' || r.match.type === 'figure', { message: 'name and fix rules are for figures' })
  .refine((r) => r.action.op !== 'fix' || r.match.pattern === undefined || r.action.fields.value === undefined, {
    message: 'a rule matched by clause pattern cannot set a value (the numbers differ)',
  });
export type Rule = z.infer<typeof Rule>;

export const RULES_FORMAT = 'report-annotator-rules';
export const RulesFile = z.object({ format: z.literal(RULES_FORMAT), version: z.literal(1), rules: z.array(Rule) });
export type RulesFile = z.infer<typeof RulesFile>;

export function exportRules(rules: readonly Rule[]): string {
  return JSON.stringify({ format: RULES_FORMAT, version: 1, rules: [...rules] } satisfies RulesFile, null, 2);
}

/** An import problem: a code for the UI to word (with the path in the file), and an English message for logs. */
export interface ImportError {
  code: 'not-json' | 'invalid' | 'duplicate-id';
  path: string;
  message: string;
}
export type ImportResult = { ok: true; rules: Rule[] } | { ok: false; errors: ImportError[] };

/** Reads a rules file; every problem is reported with its path, and nothing is imported when one is found. */
export function importRules(json: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [{ code: 'not-json', path: '', message: `not JSON: ${(e as Error).message}` }] };
  }
  const parsed = RulesFile.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ code: 'invalid' as const, path: i.path.join('.'), message: i.message })) };
  const seen = new Set<string>();
  const dup = parsed.data.rules.find((r) => (seen.has(r.id) ? true : (seen.add(r.id), false)));
  if (dup) return { ok: false, errors: [{ code: 'duplicate-id', path: 'rules', message: `rule id ${dup.id} appears twice` }] };
  return { ok: true, rules: parsed.data.rules };
}

/** Arabic digits in a surface text: such a figure is data, matched only in its clause. */
const ARABIC = /[0-9０-９]/u;

/**
 * The rule a decision teaches, or null when it teaches none (an accept, a tag, a note; a value
 * fix on a figure whose text has Arabic digits, which is about that one figure). A reject
 * becomes `ignore`, a kind set to name becomes `name`, corrected fields become `fix`.
 * How it matches: a figure rejected, or with its metric or unit fixed, or whose text has Arabic
 * digits, by its clause pattern (the same words before it: rejecting `三年` once must not drop
 * every `三年` everywhere); a figure set to name and written in words (`三次产业`, `二十大`), or
 * given another fix, by its text ("never a count", wherever it is); a duplicate or defect by its text.
 */
export function ruleFromDecision(text: string, finding: Finding, review: Review, provenance: RuleProvenance, id: string): Rule | null {
  if (finding.origin !== 'detector') return null;
  const kind = (finding.data as { kind: string }).kind;
  const span = findingSpan(finding);
  const surface = foldSurface(surfaceOf(finding));
  if (surface.length === 0) return null;
  const byPattern = finding.type === 'figure' && (ARABIC.test(surface) || review.status === 'rejected' || likeModeOf(finding, review) === 'pattern');
  const match: RuleMatch = byPattern ? { type: finding.type, kind, pattern: clausePattern(text, span.start, span.end) } : { type: finding.type, kind, text: surface };
  const base = { id, enabled: true, match, provenance };
  if (review.status === 'rejected') return { ...base, action: { op: 'ignore' } };
  if (finding.type !== 'figure') return null;
  const fields = { ...review.fields } as Record<string, unknown>;
  if (fields.kind === 'name') return { ...base, action: { op: 'name' } };
  if (Object.keys(fields).length === 0 || review.status !== 'corrected') return null;
  if (byPattern) {
    delete fields.value;
    delete fields.value_to;
    if (Object.keys(fields).length === 0) return null;
  }
  const ok = FixFields.safeParse(fields);
  return ok.success ? { ...base, action: { op: 'fix', fields: ok.data } } : null;
}

export interface RuleChange {
  ruleId: string;
  findingId: string;
  before: Finding;
  /** null: the rule dropped the finding */
  after: Finding | null;
}

export interface ApplyRulesResult {
  findings: Finding[];
  changed: RuleChange[];
}

export interface ApplyRulesOptions {
  /** the report text (needed by rules matched by clause pattern) */
  text: string;
  /** the analyst's reviews by finding id: a reviewed finding is never touched */
  reviews?: Readonly<Record<string, Review>>;
}

/**
 * The enabled rules indexed for lookup without building a key string per finding (a string made
 * per finding is hashed anew each time; the texts the findings carry keep their hash): by type,
 * then kind, then the folded text — or, for rules by clause pattern, the number pattern (the part
 * after a `|`) and then the clause words (the part before it). A `|` may be in the words too, so
 * a pattern is entered at each of its `|`: a finding's words and number pattern meet at exactly
 * one of them, and a match is one only when both parts are equal (nothing is matched that the
 * whole pattern would not match, nothing missed). Each entry keeps the first rule in the list's
 * order.
 */
interface Compiled {
  any: boolean;
  byText: Map<string, Map<string, Map<string, Rule>>>;
  byPattern: Map<string, Map<string, Map<string, Map<string, Rule>>>>;
}

/**
 * Memo of short strings folded (surface texts, number patterns): the same few thousand figure
 * texts (`9次`, `2023年`) recur in every report, so re-analysing a workspace folds each once.
 * Bounded (cleared when full); the results are the functions' own, so nothing changes but time.
 */
function memo(fn: (s: string) => string, max = 50_000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    if (s.length > 64) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= max) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}
const foldMemo = memo(foldSurface);
const numberMemo = memo(numberPattern);

const compiledCache = new WeakMap<readonly Rule[], Compiled>();

function level<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

function compile(rules: readonly Rule[]): Compiled {
  const hit = compiledCache.get(rules);
  if (hit) return hit;
  const byText: Compiled['byText'] = new Map();
  const byPattern: Compiled['byPattern'] = new Map();
  let any = false;
  for (const r of rules) {
    if (!r.enabled) continue;
    any = true;
    const m = r.match;
    if (m.text !== undefined) {
      const texts = level(level(byText, m.type, () => new Map()), m.kind, () => new Map());
      if (!texts.has(m.text)) texts.set(m.text, r);
    } else if (m.pattern !== undefined) {
      const tails = level(level(byPattern, m.type, () => new Map()), m.kind, () => new Map());
      for (let i = m.pattern.indexOf('|'); i >= 0; i = m.pattern.indexOf('|', i + 1)) {
        const words = level(tails, m.pattern.slice(i + 1), () => new Map());
        const before = m.pattern.slice(0, i);
        if (!words.has(before)) words.set(before, r);
      }
    }
  }
  const c = { any, byText, byPattern };
  compiledCache.set(rules, c);
  return c;
}

const NAME_FIELDS = { kind: 'name', value: null, value_to: null, unit: null, approx: null, metric: null } as const;

/** The finding after the rule's action: null when dropped, the same object when nothing changes. */
function act(f: Finding, rule: Rule): Finding | null {
  const a = rule.action;
  if (a.op === 'ignore') return null;
  if (f.type !== 'figure') return f;
  const fields: Record<string, unknown> = a.op === 'name' ? NAME_FIELDS : a.fields;
  const data = f.data as Record<string, unknown>;
  if (Object.keys(fields).every((k) => data[k] === fields[k])) return f;
  return { ...f, data: { ...f.data, ...fields } };
}

/**
 * The findings after the enabled rules: the first matching rule (in the list's order, rules by
 * text before rules by pattern) acts on each unreviewed detector finding; the rest pass as they
 * are. Returns the findings (same order, dropped ones left out) and what each rule changed.
 * Pure; the rule index is built once per rules array.
 */
export function applyRules(findings: readonly Finding[], rules: readonly Rule[], options: ApplyRulesOptions): ApplyRulesResult {
  const { any, byText, byPattern } = compile(rules);
  if (!any) return { findings: [...findings], changed: [] };
  // the reviewed ids as a set: a property lookup by a finding id costs more (the id is made a property key each time)
  const reviewed = new Set(Object.keys(options.reviews ?? {}));
  const text = options.text;
  let map: OffsetMap | null = null;
  const out: Finding[] = [];
  const changed: RuleChange[] = [];
  const figureTexts = byText.get('figure');
  const figurePatterns = byPattern.get('figure');
  for (const f of findings) {
    if (f.origin !== 'detector' || reviewed.has(f.id)) {
      out.push(f);
      continue;
    }
    const kind = (f.data as { kind: string }).kind;
    const texts = (f.type === 'figure' ? figureTexts : byText.get(f.type))?.get(kind);
    let rule = texts?.get(foldMemo(surfaceOf(f)));
    const tails = rule || f.type !== 'figure' ? undefined : figurePatterns?.get(kind);
    if (tails && f.type === 'figure') {
      // the clause pattern in two parts: the number pattern first, the words before only when a rule has it
      map ??= new OffsetMap(text);
      const from = map.toUtf16(f.data.start);
      const to = map.toUtf16(f.data.end);
      // the figure's own text when it is the span's (it keeps its hash), else the span cut out
      const span = f.data.text.length === to - from && text.startsWith(f.data.text, from) ? f.data.text : text.slice(from, to);
      const words = tails.get(numberMemo(span));
      if (words) rule = words.get(clauseContext(text, f.data.start, map));
    }
    if (!rule) {
      out.push(f);
      continue;
    }
    const after = act(f, rule);
    if (after === f) {
      out.push(f);
      continue;
    }
    if (after) out.push(after);
    changed.push({ ruleId: rule.id, findingId: f.id, before: f, after });
  }
  return { findings: out, changed };
}

/** How many findings each rule changed, by rule id (for the Rules page). */
export function changeCounts(changes: readonly RuleChange[]): Record<string, number> {
  // counted in a Map (an object keyed by hundreds of rule ids is a slow dictionary), then made a record
  const n = new Map<string, number>();
  for (const c of changes) n.set(c.ruleId, (n.get(c.ruleId) ?? 0) + 1);
  const out: Record<string, number> = {};
  for (const [id, k] of n) out[id] = k;
  return out;
}

/**
 * The fields a rule changed on a finding, relative to the detector's data (empty for a dropped
 * finding or a duplicate/defect). applyRules never acts on a reviewed finding, so on the next
 * re-analysis a reviewed finding shows the detector's data again: when the analyst first
 * reviews a finding a rule changed, the review must carry these fields (a `setFields` against
 * the detector's data) so that what the analyst accepted is what stays.
 */
export function ruleFieldsOf(change: RuleChange): Record<string, unknown> {
  if (!change.after || change.before.type !== 'figure' || change.after.type !== 'figure') return {};
  const before = change.before.data as Record<string, unknown>;
  const after = change.after.data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after)) if (before[k] !== after[k]) out[k] = after[k];
  return out;
}
