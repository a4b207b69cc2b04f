import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { packFindings, unpackFindings } from './findings-pack';
import { findingsFromAnalysis } from './review';
import type { Finding } from './store-schema';
import { defectEdits } from './defects/reason';
import { applyFixEdits, fixEdits } from './defects/fix-edits';

/** As the UI receives findings: duplicates' places carry offsets only. */
function thinned(findings: Finding[]): Finding[] {
  return findings.map((f) => {
    if (f.type !== 'duplicate') return f;
    const d = f.data;
    return { ...f, data: { ...d, a: { ...d.a, text: '' }, b: { ...d.b, text: '' }, ...(d.places ? { places: d.places.map((p) => ({ ...p, text: '' })) } : {}) } };
  });
}

const roundTrip = (findings: Finding[], text: string): Finding[] => unpackFindings(JSON.parse(JSON.stringify(packFindings(findings, text))), text);

describe('packed findings', () => {
  it('give back exactly the findings of a report, in a fraction of the JSON', () => {
    const para = '本年度召开常委会会议9次，审议审议议题23项，投入资金3400余万元，满意率达97.5%。';
    const text = [para, '各位代表：', para, '𠀀后记：增长1.2倍, and 2024年完成12项。', para].join('\n');
    const findings = findingsFromAnalysis(analyzeText(text));
    expect(findings.some((f) => f.type === 'figure') && findings.some((f) => f.type === 'duplicate')).toBe(true);
    expect(roundTrip(findings, text)).toEqual(thinned(findings));
    expect(JSON.stringify(packFindings(findings, text)).length).toBeLessThan(JSON.stringify(thinned(findings)).length / 2);
  });

  it('keep a quote that is not the text at its span, manual ids, notes and optional fields', () => {
    const text = '前言𠀀报告共计3400万元，增长97.5%。';
    const findings: Finding[] = [
      { type: 'figure', id: 'man:5-12:1', origin: 'manual', data: { text: '3400万元', start: 7, end: 13, kind: 'money', value: 34000000, value_to: null, unit: '元', approx: 'about', metric: '共计' } },
      { type: 'figure', id: 'fig:0-2:name', origin: 'detector', data: { text: '不是原文', start: 0, end: 2, kind: 'name', value: null, value_to: null, unit: null, approx: null, metric: null } },
      { type: 'defect', id: 'def:consistency:14-19', origin: 'detector', data: { kind: 'consistency', start: 14, end: 19, text: '97.5%', replacement: null, note: 'a rate over 100%' } },
      { type: 'defect', id: 'def:foreign_token:2-3', origin: 'detector', data: { kind: 'foreign_token', start: 2, end: 3, text: '𠀀', replacement: '' } },
      { type: 'duplicate', id: 'dup:near_paragraph:0-4:4-8', origin: 'detector', data: { kind: 'near_paragraph', a: { start: 0, end: 4, text: '' }, b: { start: 4, end: 8, text: '' }, length: 4, similarity: 0 } },
      { type: 'duplicate', id: 'dup:copied_passage:0-2:4-6', origin: 'detector', data: { kind: 'copied_passage', a: { start: 0, end: 2, text: '' }, b: { start: 4, end: 6, text: '' }, length: 2, places: [{ start: 0, end: 2, text: '' }, { start: 4, end: 6, text: '' }, { start: 9, end: 11, text: '' }] } },
    ];
    expect(roundTrip(findings, text)).toEqual(findings);
  });

  it('send a finding with a field they do not know as the finding itself', () => {
    const text = '召开会议9次。';
    const odd = { type: 'figure', id: 'fig:4-6:count', origin: 'detector', data: { text: '9次', start: 4, end: 6, kind: 'count', value: 9, value_to: null, unit: '次', approx: null, metric: null, extra: 1 } } as unknown as Finding;
    const packed = packFindings([odd], text);
    expect(Array.isArray(packed[0])).toBe(false);
    expect(roundTrip([odd], text)).toEqual([odd]);
  });
});

describe('a long fix', () => {
  it('travels as its edits, not as a second copy of the report, and comes back exactly', () => {
    const line = '加强生态文明建设，用法治的力量保护生态环境和自然资源，组织开展年度环境状况专题询问';
    const text = Array.from({ length: 400 }, (_, i) => `${line}${i}`).join('\n');
    const replacement = text.replace(/\n/g, '');
    const wrap: Finding = { type: 'defect', id: 'def:broken_paragraph:0-9', origin: 'detector', data: { kind: 'broken_paragraph', start: 0, end: [...text].length, text, replacement, note: 'hard-wrapped text: 399 line breaks inside sentences to join' } };
    const packed = packFindings([wrap], text);
    expect(JSON.stringify(packed).length).toBeLessThan(replacement.length / 4);
    expect(roundTrip([wrap], text)).toEqual([wrap]);
  });

  it('comes back with its edits known: defectEdits gives the same edits as a walk over the text would', () => {
    const line = '加强生态文明建设，用法治的力量保护生态环境和自然资源，组织开展年度环境状况专题询问';
    const text = Array.from({ length: 300 }, (_, i) => `${line}${i}`).join('\n');
    const replacement = text.replace(/\n/g, '');
    const wrap: Finding = { type: 'defect', id: 'def:broken_paragraph:0-9', origin: 'detector', data: { kind: 'broken_paragraph', start: 0, end: [...text].length, text, replacement, note: 'hard-wrapped text: 299 line breaks inside sentences to join' } };
    const [back] = unpackFindings(packFindings([wrap], text), text);
    if (back.type !== 'defect') throw new Error('a defect');
    const known = defectEdits(back.data);
    expect(known).toEqual(fixEdits(text, replacement));
    expect(known).toHaveLength(299);
    expect(applyFixEdits(text, known)).toBe(replacement);
  });

  it('with a quote that is not the text at its span still comes back exactly', () => {
    const text = 'x'.repeat(600);
    const quote = 'y\n'.repeat(300);
    const f: Finding = { type: 'defect', id: 'def:broken_paragraph:0-600', origin: 'detector', data: { kind: 'broken_paragraph', start: 0, end: 600, text: quote, replacement: quote.replace(/\n/g, ''), note: 'hard-wrapped text: 300 line breaks inside sentences to join' } };
    expect(roundTrip([f], text)).toEqual([f]);
  });
});
