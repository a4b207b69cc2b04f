/**
 * reconcileWork: work made on another version of a report's text (a teammate's, or mine from
 * another machine) carried to this machine's text, where only the work file travelled — the
 * other text's detector findings are not here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../core/analyze';
import { findingsFromAnalysis } from '../../core/document/findings';
import { type ReviewState, applyAction } from '../../core/review/actions';
import type { Figure } from '../../core/schema';
import { type CacheFile, type Finding, STORE_SCHEMA_VERSION, WorkFile } from '../../core/store-schema';
import { reconcileWork } from './compose';
import { exactCheck } from './exact-check';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 'bob' };
const cpLen = (s: string) => [...s].length;

function figure(text: string, quote: string, value: number, unit: string): Figure {
  const start = cpLen(text.slice(0, text.indexOf(quote)));
  return { text: quote, start, end: start + cpLen(quote), kind: 'count', value, value_to: null, unit, approx: null, metric: null };
}
const cacheOf = (text: string, findings: Finding[], sha = 'v2'): CacheFile => ({ schemaVersion: STORE_SCHEMA_VERSION, id: 'd', sha256: sha, analyzer: 't', sliced: false, text, findings });
function workOn(s: ReviewState, sha = 'v1'): WorkFile {
  return { schemaVersion: STORE_SCHEMA_VERSION, documentId: 'd', analyst: { id: 'bob', name: 'Bob' }, sha256: sha, findings: s.findings.filter((f) => f.origin === 'manual'), reviews: s.reviews, orphans: [], history: s.history };
}

describe('reconcileWork', () => {
  const V1 = '\n\n召开常委会会议9次、主任会议23次，审议法规草案12件。\n';
  const figsOf = (text: string) => findingsFromAnalysis({ figures: [figure(text, '9次', 9, '次'), figure(text, '23次', 23, '次'), figure(text, '12件', 12, '件')], duplicates: [], defects: [] });

  it('carries a teammate’s reviews to this text when text was inserted before them (their ids moved)', () => {
    let s: ReviewState = { text: V1, findings: figsOf(V1), reviews: {}, history: { undo: [], redo: [] } };
    s = applyAction(s, { type: 'setStatus', findingIds: [s.findings[0]!.id], status: 'rejected' }, ctx);
    s = applyAction(s, { type: 'setFields', findingId: s.findings[2]!.id, fields: { value: 13 } }, ctx);
    const V2 = '\n\n（本版在开头加了一段导语。）' + V1;
    const cache = cacheOf(V2, figsOf(V2));
    const w = reconcileWork(cache, workOn(s));
    expect(w.sha256).toBe('v2');
    expect(w.orphans).toEqual([]);
    expect(w.history).toEqual({ undo: [], redo: [] });
    const on = (id: string) => (cache.findings.find((f) => f.id === id)!.data as Figure).text;
    expect(Object.values(w.reviews).map((r) => [on(r.findingId), r.status, r.fields])).toEqual([['9次', 'rejected', {}], ['12件', 'corrected', { value: 13 }]]);
  });

  it('never carries this text’s finding that now has the old id over to the reviewed place (its data would be another figure’s): an orphan', () => {
    const v1 = '\n\n检查12件。\n';
    let s: ReviewState = { text: v1, findings: findingsFromAnalysis({ figures: [figure(v1, '12件', 12, '件')], duplicates: [], defects: [] }), reviews: {}, history: { undo: [], redo: [] } };
    s = applyAction(s, { type: 'setStatus', findingIds: ['fig:4-7:count'], status: 'accepted' }, ctx);
    // this text: another figure now stands at 4-7 (same id), and the detector here does not report 12件
    const v2 = '\n\n新增12次。检查12件。\n';
    const other = figure(v2, '12次', 12, '次');
    expect([other.start, other.end]).toEqual([4, 7]);
    const w = reconcileWork(cacheOf(v2, findingsFromAnalysis({ figures: [other], duplicates: [], defects: [] })), workOn(s));
    expect(w.findings).toEqual([]); // before: a manual "12件" with the data of 12次 (unit 次)
    expect(Object.keys(w.reviews)).toEqual([]);
    expect(w.orphans.map((o) => o.anchor.quote)).toEqual(['12件']);
  });

  it('keeps a teammate’s manual finding, moved with its review', () => {
    const v1 = '\n\n检查12件，其中专项检查3件。\n';
    let s: ReviewState = { text: v1, findings: [], reviews: {}, history: { undo: [], redo: [] } };
    const f = figure(v1, '3件', 3, '件');
    s = applyAction(s, { type: 'addFinding', finding: { type: 'figure', id: `man:${f.start}-${f.end}:1`, origin: 'manual', data: f } }, ctx);
    const added = '\n\n开头新增一句。';
    const v2 = added + v1;
    const w = reconcileWork(cacheOf(v2, []), workOn(s));
    expect(w.orphans).toEqual([]);
    expect(w.findings.map((x) => [(x.data as Figure).text, (x.data as Figure).start, (x.data as Figure).value])).toEqual([['3件', f.start + cpLen(added), 3]]);
    expect(Object.keys(w.reviews)).toEqual([w.findings[0]!.id]);
  });

  it('an anchor that marks repeated words is stored as it is (the exact check and zod agree); older anchors without the mark read as before', () => {
    const para = '本年度围绕中心工作开展执法检查4次，听取和审议专项工作报告共9次，并围绕重点难点问题开展专题询问2次，取得了良好的效果。\n';
    const text = `\n\n${para}${para}`;
    let s: ReviewState = { text, findings: findingsFromAnalysis({ figures: [figure(text, '9次', 9, '次')], duplicates: [], defects: [] }), reviews: {}, history: { undo: [], redo: [] } };
    s = applyAction(s, { type: 'setStatus', findingIds: [s.findings[0]!.id], status: 'accepted' }, ctx);
    expect(Object.values(s.reviews)[0]!.anchor.repeated).toBe(true);
    const w = JSON.parse(JSON.stringify(workOn(s))) as unknown;
    expect(exactCheck(WorkFile)!(w)).toBe(true);
    expect(WorkFile.parse(w)).toEqual(w);
    const older = JSON.parse(JSON.stringify(w).replace(',"repeated":true', '')) as WorkFile;
    expect(exactCheck(WorkFile)!(older)).toBe(true);
    expect(Object.values(older.reviews)[0]!.anchor.repeated).toBeUndefined();
  });

  it('the work file of a real report grows by the mark only where words repeat (sizes printed)', () => {
    const path = resolve(__dirname, '../../../resources/samples/taiyuan-city-2024.txt');
    const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
    const findings = findingsFromAnalysis(analyzeText(text));
    let s: ReviewState = { text, findings, reviews: {}, history: { undo: [], redo: [] } };
    const decided = findings.filter((_, i) => i % 10 < 7); // ~70 % decided, as bench/team's workspaces
    s = applyAction(s, { type: 'setStatus', findingIds: decided.map((f) => f.id), status: 'accepted' }, ctx);
    const w = { ...workOn(s), history: { undo: [], redo: [] } };
    const after = Buffer.byteLength(JSON.stringify(w));
    const before = Buffer.byteLength(JSON.stringify(w).replaceAll(',"repeated":true', ''));
    const marked = Object.values(w.reviews).filter((r) => r.anchor.repeated).length;
    console.log(`work file, ${cpLen(text)} code points, ${findings.length} findings, ${decided.length} reviewed: ${before} bytes without the mark, ${after} with it (${marked} anchors marked repeated, +${(((after - before) / before) * 100).toFixed(2)} %)`);
    expect(after - before).toBe(marked * ',"repeated":true'.length);
    expect(after / before).toBeLessThan(1.05);
  });
});
