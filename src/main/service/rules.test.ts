import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api';
import { type Rule, clausePattern, exportRules, foldSurface } from '../../core/rules';
import type { Backend } from './backend';
import { call } from './dispatch';
import { ok, testBackends } from './test-backends';
import { RuleBook, rulesFolder } from './rules';

const { backend, closeAll } = testBackends({ version: '1.2.3' });
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

afterEach(closeAll);

const prov = { analyst: 'a', documentId: 'd', at: '2026-01-01T00:00:00.000Z' };
const rule = (id: string, over: Partial<Rule> = {}): Rule => ({ id, enabled: true, match: { type: 'figure', kind: 'count', text: '三次产业' }, action: { op: 'name' }, provenance: prov, ...over });

const A = '\n\n推动三次产业融合，召开常委会会议9次，主任会议23次。\n';
const B = '\n\n三次产业协调发展。召开常委会会议12次，听取报告8次。\n';

async function workspace(): Promise<{ b: Backend; ud: string; ws: string; ids: Record<string, string> }> {
  const ud = tmp('ra-rules-ud-');
  const ws = tmp('ra-rules-ws-');
  writeFileSync(join(ws, 'a.txt'), A);
  writeFileSync(join(ws, 'b.txt'), B);
  const b = backend(ud, ws);
  await ok(b, 'workspaceGet', {});
  await b.refreshed();
  const view = (await ok(b, 'workspaceGet', {}))!;
  const ids = Object.fromEntries(view.documents.map((d) => [d.name, d.id]));
  return { b, ud, ws, ids };
}

const figureAt = (doc: ApiResponse<'documentGet'>, text: string) => doc.findings.find((f) => f.type === 'figure' && f.data.text === text);

describe('rule book on disk', () => {
  it('keeps the rules in the analyst’s own file, reads a teammate’s shared rules read-only, and moves a damaged file aside', async () => {
    const ws = tmp('ra-rules-book-');
    const book = await RuleBook.open(ws, { id: 'me', name: 'Me' });
    book.add(rule('r1'));
    book.add(rule('r2', { match: { type: 'figure', kind: 'percent', pattern: '覆盖率达到|#%' }, action: { op: 'ignore' } }));
    book.update('r2', { enabled: false, shared: true });
    await book.flush();
    // a teammate's file: one shared rule, one not
    writeFileSync(join(rulesFolder(ws), 'mate.json'), JSON.stringify({ format: 'report-annotator-rulebook', version: 1, analyst: { id: 'mate', name: 'Mate' }, rules: [rule('t1', { match: { type: 'figure', kind: 'count', text: '二十大' } }), rule('t2', { match: { type: 'figure', kind: 'count', text: '十四五' } })], shared: ['t1'], changed: {}, applied: {} }));
    const again = await RuleBook.open(ws, { id: 'me', name: 'Me' });
    expect(again.mine().map((r) => [r.id, r.enabled])).toEqual([['r1', true], ['r2', false]]);
    expect(again.active().map((r) => r.id)).toEqual(['r1', 't1']);
    expect(again.entries().map((e) => [e.rule.id, e.mine, e.owner.name, e.shared])).toEqual([['r1', true, 'Me', false], ['r2', true, 'Me', true], ['t1', false, 'Mate', true]]);
    expect(() => again.update('t1', { enabled: false })).toThrow(/read-only/);
    again.remove('r1');
    await again.flush();
    // the teammate's file is never written
    expect(JSON.parse(readFileSync(join(rulesFolder(ws), 'mate.json'), 'utf8')).rules).toHaveLength(2);
    writeFileSync(join(rulesFolder(ws), 'me.json'), '{"format": "report-annotator-rulebook", "rules": [');
    const damaged = await RuleBook.open(ws, { id: 'me', name: 'Me' });
    expect(damaged.mine()).toEqual([]);
    expect(damaged.problems).toHaveLength(1);
    expect(readdirSync(rulesFolder(ws)).some((n) => n.startsWith('me.json.corrupt-'))).toBe(true);
  });

  it('imports a rules file (skipping rules it has, renaming clashing ids) and refuses a bad one whole', async () => {
    const book = await RuleBook.open(tmp('ra-rules-imp-'), { id: 'me', name: 'Me' });
    book.add(rule('r1'));
    let n = 0;
    // r5 is r1 again under another id (skipped); the new rule's id r1 is taken (renamed)
    const r = book.importJson(exportRules([rule('r5'), rule('r1', { match: { type: 'figure', kind: 'count', text: '二十大' } })]), () => `new${++n}`);
    expect(r).toEqual({ added: 1, skipped: 1 });
    expect(book.mine().map((x) => x.id)).toEqual(['r1', 'new1']);
    expect(() => book.importJson('{"format":"report-annotator-rules","version":1,"rules":[{"id":""}]}', () => 'z')).toThrow(/not a rules file/);
    expect(() => book.importJson('not json', () => 'z')).toThrow(/not a rules file/);
    expect(book.mine()).toHaveLength(2);
  });
});

describe('rules in the service', () => {
  it('apply to all like this: preview count, one undo step per report, the rule kept and applied by re-analysis, switched off', async () => {
    const { b, ud, ws, ids } = await workspace();
    const a = await ok(b, 'documentGet', { id: ids['a.txt'] });
    const nine = figureAt(a, '9次')!;
    // no decision yet: nothing to repeat
    expect((await call(b.handlers, 'likePreview', { documentId: ids['a.txt'], findingId: nine.id, scope: 'workspace' })).ok).toBe(false);
    await ok(b, 'reviewApply', { documentId: ids['a.txt'], action: { type: 'setFields', findingId: nine.id, fields: { metric: '召开常委会会议次数' } } });
    const inReport = await ok(b, 'likePreview', { documentId: ids['a.txt'], findingId: nine.id, scope: 'report' });
    expect(inReport.count).toBe(0);
    const preview = await ok(b, 'likePreview', { documentId: ids['a.txt'], findingId: nine.id, scope: 'workspace' });
    expect(preview.count).toBe(1);
    expect(preview.items.map((i) => [i.documentName, i.text])).toEqual([['b.txt', '12次']]);
    expect(preview.rule?.match).toMatchObject({ kind: 'count', pattern: '召开常委会会议|#次' });
    const applied = await ok(b, 'likeApply', { documentId: ids['a.txt'], findingId: nine.id, scope: 'workspace' });
    expect(applied).toMatchObject({ count: 1, documents: 1 });
    expect(applied.ruleId).not.toBeNull();
    const bDoc = await ok(b, 'documentGet', { id: ids['b.txt'] });
    const twelve = figureAt(bDoc, '12次')!;
    expect(bDoc.reviews[twelve.id].fields).toEqual({ metric: '召开常委会会议次数' });
    // one undo step reverts the batch in that report
    const undone = await ok(b, 'reviewUndo', { documentId: ids['b.txt'] });
    expect(undone.reviews[twelve.id]).toBeUndefined();
    const list = await ok(b, 'rulesList', {});
    expect(list.rules).toHaveLength(1);
    expect(list.rules[0]).toMatchObject({ mine: true, applied: 1, rule: { provenance: { documentId: ids['a.txt'] } } });
    expect(list.reports[ids['a.txt']]).toBe('a.txt');
    // re-analysis applies the rule to the unreviewed 12次 in b
    const report = await ok(b, 'rulesReanalyze', {});
    expect(report.documents).toBe(2);
    expect(report.rules).toEqual([{ ruleId: applied.ruleId, before: 0, after: 1 }]);
    expect(figureAt(await ok(b, 'documentGet', { id: ids['b.txt'] }), '12次')!.data).toMatchObject({ metric: '召开常委会会议次数' });
    // it survives a restart; switched off, re-analysis gives the detector's metric back
    await b.close();
    const b2 = backend(ud, ws);
    await ok(b2, 'workspaceGet', {});
    await b2.refreshed();
    const after = await ok(b2, 'ruleUpdate', { id: applied.ruleId!, enabled: false });
    expect(after.rules[0].rule.enabled).toBe(false);
    expect(after.rules[0].changed).toBe(1);
    const off = await ok(b2, 'rulesReanalyze', {});
    expect(off.rules).toEqual([{ ruleId: applied.ruleId, before: 1, after: 0 }]);
    expect((figureAt(await ok(b2, 'documentGet', { id: ids['b.txt'] }), '12次')!.data as { metric: string | null }).metric).not.toBe('召开常委会会议次数');
    const exported = await ok(b2, 'rulesExport', {});
    await ok(b2, 'ruleDelete', { id: applied.ruleId! });
    expect((await ok(b2, 'rulesList', {})).rules).toEqual([]);
    expect(await ok(b2, 'rulesImport', { json: exported.json })).toMatchObject({ added: 1, skipped: 0 });
    expect(existsSync(join(rulesFolder(ws)))).toBe(true);
  });

  it('a finding the analyst accepted as a rule left it keeps that data when the rule is switched off or deleted', async () => {
    const { b, ids } = await workspace();
    await ok(b, 'rulesImport', { json: exportRules([rule('fix12', { match: { type: 'figure', kind: 'count', pattern: '召开常委会会议|#次' }, action: { op: 'fix', fields: { metric: '常委会会议次数' } } })]) });
    await ok(b, 'rulesReanalyze', {});
    const doc = await ok(b, 'documentGet', { id: ids['b.txt'] });
    const twelve = figureAt(doc, '12次')!;
    expect(twelve.data).toMatchObject({ metric: '常委会会议次数' });
    await ok(b, 'reviewApply', { documentId: ids['b.txt'], action: { type: 'setStatus', findingIds: [twelve.id], status: 'accepted' } });
    await ok(b, 'ruleUpdate', { id: 'fix12', enabled: false });
    await ok(b, 'rulesReanalyze', {});
    expect(figureAt(await ok(b, 'documentGet', { id: ids['b.txt'] }), '12次')).toEqual(twelve);
    await ok(b, 'ruleDelete', { id: 'fix12' });
    await ok(b, 'rulesReanalyze', {});
    expect(figureAt(await ok(b, 'documentGet', { id: ids['b.txt'] }), '12次')).toEqual(twelve);
  });

  it('re-analysis with any rule set keeps every review and every reviewed finding as the analyst saw it (property)', async () => {
    const { b, ws, ids } = await workspace();
    const docs = [ids['a.txt'], ids['b.txt']];
    const base = await Promise.all(docs.map((id) => ok(b, 'documentGet', { id })));
    const figures = base.flatMap((d, i) => d.findings.filter((f) => f.type === 'figure').map((f) => ({ doc: docs[i], f, text: d.text })));
    expect(figures.length).toBeGreaterThan(4);
    const ruleArb = fc.record({
      pick: fc.nat(figures.length - 1),
      op: fc.constantFrom<'ignore' | 'name' | 'fix'>('ignore', 'name', 'fix'),
      byText: fc.boolean(),
      enabled: fc.boolean(),
    });
    const reviewArb = fc.record({ pick: fc.nat(figures.length - 1), how: fc.constantFrom('accepted', 'rejected', 'fix') });
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(reviewArb, { minLength: 1, maxLength: 4 }), fc.array(ruleArb, { maxLength: 6 }), async (reviews, specs) => {
        round++;
        for (const r of reviews) {
          const { doc, f } = figures[r.pick];
          const action = r.how === 'fix' ? { type: 'setFields' as const, findingId: f.id, fields: { metric: `指标${round}` } } : { type: 'setStatus' as const, findingIds: [f.id], status: r.how as 'accepted' | 'rejected' };
          await ok(b, 'reviewApply', { documentId: doc, action }).catch(() => undefined); // a finding a rule dropped earlier is not there
        }
        const rules: Rule[] = specs.map((s, i) => {
          const { f, text: docText } = figures[s.pick];
          const fig = f.data as { text: string; kind: string; start: number; end: number };
          const match = s.byText ? { type: 'figure' as const, kind: fig.kind, text: foldSurface(fig.text) } : { type: 'figure' as const, kind: fig.kind, pattern: clausePattern(docText, fig.start, fig.end) };
          const action = s.op === 'fix' ? { op: 'fix' as const, fields: { metric: `规则${i}` } } : { op: s.op };
          return { id: `p${round}-${i}`, enabled: s.enabled, match, action, provenance: prov };
        });
        for (const e of (await ok(b, 'rulesList', {})).rules) await ok(b, 'ruleDelete', { id: e.rule.id });
        await ok(b, 'rulesImport', { json: exportRules(rules) });
        const before = await Promise.all(docs.map((id) => ok(b, 'documentGet', { id })));
        await ok(b, 'rulesReanalyze', {});
        const after = await Promise.all(docs.map((id) => ok(b, 'documentGet', { id })));
        for (let i = 0; i < docs.length; i++) {
          expect(after[i].reviews).toEqual(before[i].reviews);
          for (const id of Object.keys(before[i].reviews)) {
            expect(after[i].findings.find((f) => f.id === id)).toEqual(before[i].findings.find((f) => f.id === id));
          }
        }
      }),
      { numRuns: 25 },
    );
    // one file: this analyst's
    expect(readdirSync(rulesFolder(ws)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  }, 120_000);
});
