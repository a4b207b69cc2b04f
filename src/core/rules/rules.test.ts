import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findingsFromAnalysis } from '../document/findings';
import { type ReviewState, applyAction, undo } from '../review/actions';
import { previewBatch } from '../review/batch';
import type { Figure } from '../schema';
import type { Finding, Review } from '../store-schema';
import { clausePattern, findLike, foldSurface } from './like';
import { type Rule, applyRules, changeCounts, exportRules, importRules, ruleFieldsOf, ruleFromDecision } from './rules';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'tester' };
const prov = { analyst: 'tester', documentId: 'a', at: ctx.now };

/** Figures at every occurrence of each quote in `text` (code point offsets). */
function figs(text: string, specs: [string, Partial<Figure>][]): Figure[] {
  const cps = [...text];
  const out: Figure[] = [];
  for (const [quote, data] of specs) {
    const q = [...quote];
    for (let i = 0; i + q.length <= cps.length; i++) {
      if (cps.slice(i, i + q.length).join('') !== quote) continue;
      out.push({ text: quote, start: i, end: i + q.length, kind: 'count', value: null, value_to: null, unit: null, approx: null, metric: null, ...data });
    }
  }
  return out;
}
type FigureFinding = Extract<Finding, { type: 'figure' }>;
const findings = (text: string, specs: [string, Partial<Figure>][]): FigureFinding[] => findingsFromAnalysis({ figures: figs(text, specs), duplicates: [], defects: [] }) as FigureFinding[];
const state = (text: string, f: Finding[]): ReviewState => ({ text, findings: f, reviews: {}, history: { undo: [], redo: [] } });

const A = '推动三次产业融合。召开常委会会议9次，主任会议23次。\n\n推動三次產業發展，召开常委会会议９次。';
const B = '一、三次产业协调发展。召开常委会会议12次，听取报告8次。';

describe('like this one', () => {
  it('folds width, whitespace and Traditional characters', () => {
    expect(foldSurface('推動 三次產業')).toBe('推动三次产业');
    expect(foldSurface('９次')).toBe('9次');
  });

  it('clause pattern: the words before in the clause and the figure with its numbers as #', () => {
    expect(clausePattern(A, 16, 18)).toBe('召开常委会会议|#次');
    // the clause starts after the comma
    expect(clausePattern(A, 23, 26)).toBe('主任会议|#次');
  });

  it('finds the same surface across reports, and the same clause for a metric fix', () => {
    const fa = findings(A, [['三次产业', {}], ['三次產業', {}], ['9次', { value: 9, unit: '次' }], ['９次', { value: 9, unit: '次' }], ['23次', { value: 23 }]]);
    const fb = findings(B, [['三次产业', {}], ['12次', { value: 12, unit: '次' }], ['8次', { value: 8 }]]);
    const docs = [
      { id: 'a', text: A, findings: fa, reviews: {} },
      { id: 'b', text: B, findings: fb, reviews: {} },
    ];
    const name = fa.find((f) => f.data.text === '三次产业') as Finding;
    expect(findLike(docs, { documentId: 'a', findingId: name.id }).map((m) => `${m.documentId}:${(docs.find((d) => d.id === m.documentId)?.findings.find((f) => f.id === m.findingId) as FigureFinding).data.start}`)).toEqual(['a:31', 'b:2']);
    const nine = fa.find((f) => f.data.text === '9次') as Finding;
    // a metric fix: like the 9次 after 召开常委会会议 here (full-width digit) and the 12次 there; not 23次 or 8次
    const metric = findLike(docs, { documentId: 'a', findingId: nine.id, review: { fields: { metric: '召开常委会会议' } } });
    expect(metric.map((m) => m.findingId)).toEqual([fa.find((f) => f.data.text === '９次')?.id, fb.find((f) => f.data.text === '12次')?.id]);
    // by surface, 9次 is like ９次 only
    expect(findLike(docs, { documentId: 'a', findingId: nine.id }).map((m) => m.findingId)).toEqual([fa.find((f) => f.data.text === '９次')?.id]);
  });

  it('leaves out findings the analyst already decided', () => {
    const fa = findings(A, [['三次产业', {}], ['三次產業', {}]]);
    const s = applyAction(state(A, fa), { type: 'setStatus', findingIds: [fa[1].id], status: 'accepted' }, ctx);
    expect(findLike([{ id: 'a', text: A, findings: fa, reviews: s.reviews }], { documentId: 'a', findingId: fa[0].id })).toEqual([]);
  });
});

describe('rules', () => {
  const fa = findings(A, [['三次产业', {}], ['9次', { value: 9, unit: '次', metric: '会议' }], ['23次', { value: 23, unit: '次', metric: '主任会议' }]]);
  const review = (f: Finding, r: Partial<Review>): Review => ({ findingId: f.id, status: 'rejected', fields: {}, tags: [], note: '', updatedAt: ctx.now, annotator: 'tester', anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' }, ...r });

  it('learns ignore, name and fix rules from decisions, and none from an accept', () => {
    // a reject is about this clause; a name is a name everywhere
    const ignore = ruleFromDecision(A, fa[0], review(fa[0], { status: 'rejected' }), prov, 'r1');
    expect(ignore).toMatchObject({ match: { type: 'figure', kind: 'count', pattern: '推动|#次产业' }, action: { op: 'ignore' } });
    const name = ruleFromDecision(A, fa[0], review(fa[0], { status: 'corrected', fields: { kind: 'name' } }), prov, 'r2');
    expect(name).toMatchObject({ match: { type: 'figure', kind: 'count', text: '三次产业' }, action: { op: 'name' } });
    const fix = ruleFromDecision(A, fa[1], review(fa[1], { status: 'corrected', fields: { metric: '召开常委会会议', value: 10 } }), prov, 'r3');
    // matched by clause (Arabic digits), and the value (about this one figure) is not carried
    expect(fix).toMatchObject({ match: { pattern: '召开常委会会议|#次' }, action: { op: 'fix', fields: { metric: '召开常委会会议' } } });
    expect(fix?.action.op === 'fix' && 'value' in fix.action.fields).toBe(false);
    expect(ruleFromDecision(A, fa[1], review(fa[1], { status: 'accepted' }), prov, 'r4')).toBeNull();
    expect(ruleFromDecision(A, fa[1], review(fa[1], { status: 'corrected', fields: { value: 10 } }), prov, 'r5')).toBeNull();
  });

  it('applies rules to unreviewed detector findings in another report and says what changed', () => {
    const rules = [
      ruleFromDecision(A, fa[0], review(fa[0], { status: 'corrected', fields: { kind: 'name' } }), prov, 'name') as Rule,
      ruleFromDecision(A, fa[1], review(fa[1], { status: 'corrected', fields: { metric: '召开常委会会议' } }), prov, 'fix') as Rule,
    ];
    const fb = findings(B, [['三次产业', {}], ['12次', { value: 12, unit: '次', metric: '会议' }], ['8次', { value: 8, metric: '报告' }]]);
    const out = applyRules(fb, rules, { text: B });
    expect(out.findings.map((f) => (f.type === 'figure' ? [f.data.text, f.data.kind, f.data.value, f.data.metric] : null))).toEqual([
      ['三次产业', 'name', null, null],
      ['12次', 'count', 12, '召开常委会会议'],
      ['8次', 'count', 8, '报告'],
    ]);
    expect(out.findings.map((f) => f.id)).toEqual(fb.map((f) => f.id));
    expect(changeCounts(out.changed)).toEqual({ name: 1, fix: 1 });
    // what a review must carry when the analyst accepts a rule-changed finding
    expect(out.changed.map(ruleFieldsOf)).toEqual([{ kind: 'name' }, { metric: '召开常委会会议' }]);
    // switched off: nothing changes
    expect(applyRules(fb, rules.map((r) => ({ ...r, enabled: false })), { text: B }).changed).toEqual([]);
    // an ignore rule drops the finding
    const ignore = { ...rules[0], id: 'ig', action: { op: 'ignore' as const } };
    expect(applyRules(fb, [ignore], { text: B }).findings.map((f) => (f as FigureFinding).data.start)).not.toContain(fb[0].data.start);
  });

  it('exports and imports rules as JSON, refusing invalid files whole', () => {
    const rule = ruleFromDecision(A, fa[0], review(fa[0], { status: 'rejected' }), prov, 'r1') as Rule;
    const back = importRules(exportRules([rule]));
    expect(back).toEqual({ ok: true, rules: [rule] });
    expect(importRules('{')).toMatchObject({ ok: false, errors: [{ code: 'not-json' }] });
    const bad = JSON.parse(exportRules([rule, { ...rule, id: 'r2', action: { op: 'fix', fields: {} } }]));
    const res = importRules(JSON.stringify(bad));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.errors[0].path).toMatch(/^rules\.1\.action/);
    expect(importRules(exportRules([rule, rule]))).toMatchObject({ ok: false, errors: [{ code: 'duplicate-id' }] });
    // a clause-pattern rule that sets a value is refused
    const valueByPattern = { ...rule, match: { type: 'figure', kind: 'count', pattern: 'x|#次' }, action: { op: 'fix', fields: { value: 3 } } };
    expect(importRules(JSON.stringify({ format: 'report-annotator-rules', version: 1, rules: [valueByPattern] })).ok).toBe(false);
  });
});

// ---- properties ----------------------------------------------------------------------------

const PIECES = ['三次产业', '二十大', '9次', '12次', '召开常委会会议', '主任会议', '，', '。', '增长5%', '100亿元'];
const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 3, maxLength: 14 }).map((p) => p.join(''));
const quoteArb = fc.constantFrom('三次产业', '二十大', '9次', '12次', '5%', '100亿元');
const kindArb = fc.constantFrom<Figure['kind']>('count', 'money', 'percent', 'name');
const fieldsArb = fc.record({ metric: fc.constantFrom('会议', '召开常委会会议', null), unit: fc.constantFrom('次', '元', null), kind: kindArb }, { requiredKeys: [] });
const ruleArb = (text: string, fs: FigureFinding[]): fc.Arbitrary<Rule> =>
  fc.record({
    i: fc.nat(Math.max(0, fs.length - 1)),
    op: fc.constantFrom('ignore', 'name', 'fix'),
    byPattern: fc.boolean(),
    fields: fieldsArb,
    enabled: fc.boolean(),
  }).map(({ i, op, byPattern, fields, enabled }) => {
    const f = fs[i];
    const kind = f ? f.data.kind : 'count';
    const match = f && byPattern && f.type === 'figure' ? { type: 'figure' as const, kind, pattern: clausePattern(text, f.data.start, f.data.end) } : { type: 'figure' as const, kind, text: f ? foldSurface(f.data.text) : '9次' };
    const action = op === 'fix' ? { op: 'fix' as const, fields: Object.keys(fields).length ? fields : { metric: 'x' } } : { op: op as 'ignore' | 'name' };
    return { id: `r${i}${op}`, enabled, match, action, provenance: prov };
  });

const scenario = textArb.chain((text) => {
  const fs = findings(text, [['三次产业', {}], ['二十大', {}], ['9次', { value: 9, unit: '次' }], ['12次', { value: 12 }], ['5%', { kind: 'percent', value: 5 }], ['100亿元', { kind: 'money', value: 1e10 }]]);
  const step = fc.record({ i: fc.nat(Math.max(0, fs.length - 1)), what: fc.constantFrom('accept', 'reject', 'fix', 'tag') });
  return fc.record({ text: fc.constant(text), fs: fc.constant(fs), steps: fc.array(step, { maxLength: 6 }), rules: fc.array(ruleArb(text, fs), { maxLength: 8 }), quote: quoteArb });
});

function reviewed(text: string, fs: FigureFinding[], steps: { i: number; what: string }[]): ReviewState {
  let s = state(text, fs);
  for (const { i, what } of steps) {
    const f = fs[i];
    if (!f) continue;
    if (what === 'accept') s = applyAction(s, { type: 'setStatus', findingIds: [f.id], status: 'accepted' }, ctx);
    else if (what === 'reject') s = applyAction(s, { type: 'setStatus', findingIds: [f.id], status: 'rejected' }, ctx);
    else if (what === 'fix') s = applyAction(s, { type: 'setFields', findingId: f.id, fields: { metric: '会议', unit: '件' } }, ctx);
    else s = applyAction(s, { type: 'toggleTag', findingId: f.id, tag: 'legislation' }, ctx);
  }
  return s;
}

describe('like this one = what the rule it teaches matches (property)', () => {
  it('the findings apply-to-all offers are the ones the learned rule changes on re-analysis, and it changes no others', () => {
    const decisionArb = fc.oneof(
      fc.constant({ status: 'rejected' as const, fields: {} }),
      fieldsArb.filter((f) => Object.keys(f).length > 0).map((fields) => ({ status: 'corrected' as const, fields: fields as Record<string, unknown> })),
    );
    fc.assert(
      fc.property(scenario, decisionArb, ({ text, fs, quote }, decision) => {
        const f = fs.find((x) => x.data.text === quote);
        if (!f) return;
        let s = state(text, fs);
        s = decision.status === 'rejected' ? applyAction(s, { type: 'setStatus', findingIds: [f.id], status: 'rejected' }, ctx) : applyAction(s, { type: 'setFields', findingId: f.id, fields: decision.fields }, ctx);
        const review = s.reviews[f.id];
        const rule = ruleFromDecision(text, f, review, prov, 'learned');
        if (!rule) return;
        const like = findLike([{ id: 'd', text, findings: fs, reviews: {} }], { documentId: 'd', findingId: f.id, review }).map((m) => m.findingId).sort();
        const changed = applyRules(fs, [rule], { text, reviews: {} }).changed.map((c) => c.findingId).filter((id) => id !== f.id).sort();
        // a rule may leave a finding as it is (already a name, already that metric), never change one not offered
        for (const id of changed) expect(like).toContain(id);
        if (rule.action.op === 'ignore') expect(changed).toEqual(like);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rules never change the analyst’s work (property)', () => {
  it('re-analysis with any rule set keeps every existing review and every reviewed finding as it was', () => {
    fc.assert(
      fc.property(scenario, ({ text, fs, steps, rules }) => {
        const s = reviewed(text, fs, steps);
        const out = applyRules(s.findings, rules, { text, reviews: s.reviews });
        const after = new Map(out.findings.map((f) => [f.id, f]));
        for (const id of Object.keys(s.reviews)) {
          // the reviewed finding is there, unchanged, so its review applies to the same data
          expect(after.get(id)).toEqual(s.findings.find((f) => f.id === id));
        }
        for (const c of out.changed) expect(Object.hasOwn(s.reviews, c.findingId)).toBe(false);
        // every finding not changed by a rule passes through as it was; ids never change
        const changed = new Set(out.changed.map((c) => c.findingId));
        for (const f of s.findings) if (!changed.has(f.id)) expect(after.get(f.id)).toBe(f);
        for (const c of out.changed) if (c.after) expect(c.after.id).toBe(c.findingId);
      }),
      { numRuns: 300 },
    );
  });

  it('apply-to-all is one undo step that restores the exact state, and its preview matches what it does', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<'accepted' | 'rejected' | undefined>('accepted', 'rejected', undefined), fieldsArb, ({ text, fs, steps, quote }, status, fields) => {
        const s = reviewed(text, fs, steps);
        const decided = fs.find((f) => f.data.text === quote);
        const decision = { status, fields };
        const ids = decided ? [decided.id, ...findLike([{ id: 'd', text, findings: s.findings, reviews: s.reviews }], { documentId: 'd', findingId: decided.id }).map((m) => m.findingId)] : [];
        const preview = previewBatch(s, ids, decision, ctx);
        const next = applyAction(s, { type: 'applyToAll', findingIds: ids, decision }, ctx);
        if (next === s) {
          expect(preview.count).toBe(0);
          return;
        }
        expect(next.history.undo.length).toBe(Math.min(s.history.undo.length + 1, 500));
        const back = undo(next);
        expect(back.reviews).toEqual(s.reviews);
        expect(back.findings).toEqual(s.findings);
        expect(back.history.undo).toEqual(s.history.undo);
        // the preview lists exactly the findings whose review changed
        const changedIds = ids.filter((id) => (next.reviews[id]?.status ?? 'suggested') !== (s.reviews[id]?.status ?? 'suggested') || JSON.stringify(next.reviews[id]?.fields ?? {}) !== JSON.stringify(s.reviews[id]?.fields ?? {}));
        expect(preview.items.map((i) => i.findingId).sort()).toEqual([...new Set(changedIds)].sort());
      }),
      { numRuns: 200 },
    );
  });
});

// undo-s6: the rule index (rules by key, the number-pattern filter, the memo of folded texts)
// gives what reading every rule in order gives
describe('the rule index = every rule read in order (property)', () => {
  const pieces = ['召开常委会会议', '會議', '9次', '１２次', '|', '｜', '𠀀', '　', '，', '。', '\n', '增长5%', '三次产业', 'a|b'];
  const quotes: [string, Partial<Figure>][] = [['9次', { value: 9 }], ['１２次', { value: 12 }], ['5%', { kind: 'percent', value: 5 }], ['三次产业', {}], ['|b', {}]];
  const naive = (fs: readonly Finding[], rules: readonly Rule[], text: string): (string | null)[] =>
    fs.map((f) => {
      const kind = (f.data as { kind: string }).kind;
      const on = rules.filter((r) => r.enabled && r.match.type === f.type && r.match.kind === kind);
      const byText = on.find((r) => r.match.text !== undefined && r.match.text === foldSurface(f.type === 'figure' ? f.data.text : ''));
      if (byText) return byText.id;
      const p = f.type === 'figure' ? clausePattern(text, f.data.start, f.data.end) : null;
      return on.find((r) => r.match.pattern !== undefined && r.match.pattern === p)?.id ?? null;
    });
  it('finds the same rule for every finding', () => {
    const arb = fc.array(fc.constantFrom(...pieces), { minLength: 2, maxLength: 16 }).map((p) => p.join('')).chain((text) => {
      const fs = findings(text, quotes);
      const ruleArb2 = fc.record({ i: fc.nat(Math.max(0, fs.length - 1)), byPattern: fc.boolean(), enabled: fc.boolean(), cut: fc.nat(4), twist: fc.constantFrom('', '|', '会议|') }).map(({ i, byPattern, enabled, cut, twist }): Rule => {
        const f = fs[i];
        const kind = f ? f.data.kind : 'count';
        const pattern = f ? clausePattern(text, f.data.start, f.data.end) : '会议|#次';
        // some patterns as learned, some with fewer words before, or a `|` more in the words
        const p = twist === '' ? pattern.slice(Math.min(cut, pattern.indexOf('|'))) : twist + pattern;
        const match = byPattern ? { type: 'figure' as const, kind, pattern: p.length >= 2 ? p : `x${p}` } : { type: 'figure' as const, kind, text: f ? foldSurface(f.data.text) : '9次' };
        return { id: `r-${i}`, enabled, match, action: { op: 'ignore' }, provenance: prov };
      });
      return fc.record({ text: fc.constant(text), fs: fc.constant(fs), rules: fc.array(ruleArb2, { maxLength: 10 }).map((rs) => rs.map((r, n) => ({ ...r, id: `r${n}` }))) });
    });
    fc.assert(
      fc.property(arb, ({ text, fs, rules }) => {
        const byRule = new Map(applyRules(fs, rules, { text }).changed.map((c) => [c.findingId, c.ruleId]));
        const expected = naive(fs, rules, text);
        // rules by text act before rules by pattern; among each, the first in the list
        expect(fs.map((f) => byRule.get(f.id) ?? null)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
