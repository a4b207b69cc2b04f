import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { derivedFindings } from '../document/derive';
import { byReadingOrder } from '../document/findings';
import type { Finding } from '../store-schema';
import { mergeInOrder, ruledFindings, ruledFromDerived } from './derive';
import { type Rule } from './rules';

const prov = { analyst: 't', documentId: 'd', at: '2026-01-01T00:00:00.000Z' };
const rule = (over: Partial<Rule>): Rule => ({ id: 'r', enabled: true, match: { type: 'figure', kind: 'percent', text: '120%' }, action: { op: 'ignore' }, provenance: prov, ...over });

describe('re-analysis with rules', () => {
  it('without enabled rules gives exactly the findings re-analysis gives now', () => {
    const pieces = ['全市森林覆盖率达到120%。', '召开常委会会议9次，', '推动三次产业融合，', '完成率85%。', '\n\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.boolean(), (parts, some) => {
        const text = parts.join('');
        const a = analyzeText(text);
        const rules = some ? [rule({ enabled: false })] : [];
        expect(ruledFindings(text, a, rules)).toEqual({ findings: derivedFindings(text, a), changed: [] });
      }),
      { numRuns: 40 },
    );
  });

  it('the consistency checks run over the figures as the rules left them', () => {
    const text = '全市森林覆盖率达到120%。';
    const a = analyzeText(text);
    expect(derivedFindings(text, a).map((f) => f.id)).toEqual(['fig:9-13:percent', 'chk:percent_over_100:9-13']);
    const ignored = ruledFindings(text, a, [rule({})]);
    expect(ignored.findings.map((f) => f.id)).toEqual([]);
    expect(ignored.changed.map((c) => [c.ruleId, c.findingId, c.after])).toEqual([['r', 'fig:9-13:percent', null]]);
    const named = ruledFindings(text, a, [rule({ action: { op: 'name' } })]);
    expect(named.findings.map((f) => [f.id, f.data.kind])).toEqual([['fig:9-13:percent', 'name']]);
    // a reviewed figure is kept as the detector found it, and so is its check
    const review = { findingId: 'fig:9-13:percent', status: 'accepted' as const, fields: {}, tags: [], note: '', updatedAt: prov.at, annotator: 't', anchor: { start: 9, end: 13, quote: '120%', prefix: '', suffix: '' } };
    expect(ruledFindings(text, a, [rule({})], { [review.findingId]: review }).findings.map((f) => f.id)).toEqual(['fig:9-13:percent', 'chk:percent_over_100:9-13']);
  });
  it('from the derived findings gives what ruledFindings gives, without deriving again when no rule acts (property)', () => {
    const pieces = ['全市森林覆盖率达到120%。', '召开常委会会议9次，', '推动三次产业融合，', '完成率85%。', '其中城镇新增就业5342件，全年新增就业4408件。', '\n\n'];
    const rules: Rule[] = [
      rule({ id: 'a', match: { type: 'figure', kind: 'percent', text: '120%' } }),
      rule({ id: 'b', match: { type: 'figure', kind: 'count', pattern: '召开常委会会议|#次' }, action: { op: 'name' } }),
      rule({ id: 'c', match: { type: 'figure', kind: 'count', text: '5342件' }, action: { op: 'fix', fields: { metric: '城镇新增就业' } } }),
      rule({ id: 'd', match: { type: 'figure', kind: 'percent', pattern: '完成率|#%' } }),
    ];
    const byId = (fs: readonly { id: string }[]) => [...fs].sort((x, y) => (x.id < y.id ? -1 : 1));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.subarray(rules), fc.boolean(), (parts, set, off) => {
        const text = parts.join('');
        const a = analyzeText(text);
        const use = off ? set.map((r) => ({ ...r, enabled: false })) : set;
        const derived = derivedFindings(text, a);
        const one = ruledFindings(text, a, use);
        const two = ruledFromDerived(text, derived, use);
        expect(byId(two.findings)).toEqual(byId(one.findings));
        expect(two.changed).toEqual(one.changed);
        if (one.changed.length === 0) expect(two.findings).toEqual(derived);
      }),
      { numRuns: 60 },
    );
  });
});

// undo-s6
describe('mergeInOrder', () => {
  it('is the stable sort of the two lists joined (property)', () => {
    const span = fc.record({ start: fc.nat(30), len: fc.nat(4), tag: fc.nat(1000) });
    const toFinding = ({ start, len, tag }: { start: number; len: number; tag: number }, side: string) =>
      ({ type: 'defect', id: `${side}${tag}-${start}`, origin: 'detector', data: { kind: 'consistency', text: 'x', start, end: start + len, reason: '' } }) as unknown as Finding;
    fc.assert(
      fc.property(fc.array(span, { maxLength: 20 }), fc.array(span, { maxLength: 8 }), fc.boolean(), (xs, ys, sortA) => {
        const a = xs.map((x) => toFinding(x, 'a'));
        if (sortA) a.sort(byReadingOrder);
        const b = ys.map((y) => toFinding(y, 'b'));
        expect(mergeInOrder(a, b)).toEqual([...a, ...b].sort(byReadingOrder));
      }),
      { numRuns: 500 },
    );
  });
});
