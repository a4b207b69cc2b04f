/** Test fixtures for the export tests (core and main): a small workspace with astral characters. */
import type { Defect, Duplicate, Figure } from '../schema';
import { type DocumentFile, type DocumentMeta, type Finding, type Review, type ReviewStatus, STORE_SCHEMA_VERSION, type WorkspaceFile } from '../store-schema';
import { defectId, duplicateId, figureId, makeAnchor } from '../document';
import { cpLength, OffsetMap } from '../text';

/** Code point offset of the n-th occurrence (0-based) of needle in text. */
export function cpIndexOf(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  return new OffsetMap(text).toCp(at);
}

export const ASTRAL_TEXT = [
  '𠀀长治市人民代表大会常务委员会工作报告',
  '——2024年3月27日在长治市第十五届人民代表大会第四次会议上',
  '各位代表：',
  '😀一年来，召开常委会会议9次，制定、修改地方性法规3件，依法任免国家机关工作人员43人（次）。',
  '收集意见建议5342件，解决落实4408件，满意率达97.5%，“十四五”规划。',
  '深入学习贯彻党的二十大精神 and 习近平总书记重要讲话精神𠀀😀。',
  '在依法履职中坚定党的领导。',
  '在依法履职中坚定党的领导。',
  '=SUM(A1) 和 +1 以及 @x 的文字，第二段 -5 件。',
].join('\n');

export function review(findingId: string, status: ReviewStatus, text: string, start: number, end: number, extra: Partial<Review> = {}): Review {
  return { findingId, status, fields: {}, tags: [], note: '', updatedAt: '2024-05-01T10:00:00.000Z', annotator: 'analyst', anchor: makeAnchor(text, start, end), ...extra };
}

function fig(text: string, surface: string, kind: Figure['kind'], value: number | null, unit: string | null, metric: string | null, n = 0): Figure {
  const start = cpIndexOf(text, surface, n);
  return { text: surface, start, end: start + cpLength(surface), kind, value, value_to: null, unit, approx: null, metric };
}

export interface Fixture {
  workspace: WorkspaceFile;
  docs: DocumentFile[];
}

/** One document with accepted, corrected, suggested and rejected findings of every type. */
export function astralFixture(id = 'doc-astral'): Fixture {
  const text = ASTRAL_TEXT;
  const figures: Figure[] = [
    fig(text, '9次', 'count', 9, '次', '召开常委会会议'),
    fig(text, '3件', 'count', 3, '件', '制定、修改地方性法规'),
    fig(text, '43人（次）', 'count', 43, '人次', '依法任免国家机关工作人员'),
    fig(text, '5342件', 'count', 5342, '件', '收集意见建议'),
    fig(text, '4408件', 'count', 4408, '件', '解决落实'),
    fig(text, '97.5%', 'percent', 97.5, '%', '满意率'),
    fig(text, '十四五', 'name', null, null, null),
    fig(text, '-5 件', 'count', -5, '件', '第二段'),
  ];
  const defects: Defect[] = [];
  const and = cpIndexOf(text, ' and ');
  defects.push({ kind: 'foreign_token', start: and, end: and + 5, text: ' and ', replacement: '和' });
  const astralEnd = cpIndexOf(text, '𠀀😀。');
  defects.push({ kind: 'markup_residue', start: astralEnd, end: astralEnd + 2, text: '𠀀😀', replacement: '' });
  // overlaps the foreign token: skipped when both are accepted
  defects.push({ kind: 'mixed_punctuation', start: and + 3, end: and + 6, text: [...text].slice(and + 3, and + 6).join(''), replacement: 'X' });
  const p1 = cpIndexOf(text, '在依法履职中坚定党的领导。');
  const p2 = cpIndexOf(text, '在依法履职中坚定党的领导。', 1);
  const len = cpLength('在依法履职中坚定党的领导。');
  const dup: Duplicate = { kind: 'exact_paragraph', a: { start: p1, end: p1 + len, text: '在依法履职中坚定党的领导。' }, b: { start: p2, end: p2 + len, text: '在依法履职中坚定党的领导。' }, length: len };
  const boiler: Duplicate = { kind: 'boilerplate', a: { start: p1, end: p1 + 6, text: '在依法履职中' }, b: { start: p1, end: p1 + 6, text: '在依法履职中' }, length: 6 };
  const findings: Finding[] = [
    ...figures.map((f): Finding => ({ type: 'figure', id: figureId(f), origin: 'detector', data: f })),
    ...defects.map((d): Finding => ({ type: 'defect', id: defectId(d), origin: 'detector', data: d })),
    { type: 'duplicate', id: duplicateId(dup), origin: 'detector', data: dup },
    { type: 'duplicate', id: duplicateId(boiler), origin: 'detector', data: boiler },
  ];
  const byText = (t: string): Finding => findings.find((f) => f.type !== 'duplicate' && f.data.text === t) as Finding;
  const r = (f: Finding, status: ReviewStatus, extra: Partial<Review> = {}): [string, Review] => {
    const s = f.type === 'duplicate' ? f.data.b : f.data;
    return [f.id, review(f.id, status, text, s.start, s.end, extra)];
  };
  const reviews: Record<string, Review> = Object.fromEntries([
    r(byText('9次'), 'accepted', { tags: ['t-key'], note: 'summary figure' }),
    r(byText('3件'), 'corrected', { fields: { value: 4, metric: '制定修改地方性法规' } }),
    r(byText('43人（次）'), 'rejected'),
    r(byText('5342件'), 'accepted'),
    r(byText('4408件'), 'accepted'),
    r(byText('-5 件'), 'accepted'),
    r(byText(' and '), 'corrected', { fields: { replacement: '与' } }),
    r(byText('𠀀😀'), 'accepted'),
    r(findings.find((f) => f.data.kind === 'mixed_punctuation') as Finding, 'accepted'),
    r(findings.find((f) => f.data.kind === 'exact_paragraph') as Finding, 'accepted'),
  ]);
  const analysis = { figures, duplicates: [dup, boiler], defects };
  const doc: DocumentFile = { schemaVersion: STORE_SCHEMA_VERSION, id, sha256: 'a'.repeat(64), text, analysis, findings, reviews, orphans: [], history: { undo: [], redo: [] } };
  const meta: DocumentMeta = {
    id, path: `${id}.txt`, name: `${id}.txt`, format: 'txt', encoding: 'utf-8', size: 1000, mtimeMs: 0, sha256: doc.sha256, length: cpLength(text), importedAt: '2024-05-01T09:00:00.000Z',
    counts: { figures: figures.length, duplicates: 2, defects: defects.length, reviewed: Object.keys(reviews).length, total: findings.length }, metadata: {},
  };
  const workspace: WorkspaceFile = { schemaVersion: STORE_SCHEMA_VERSION, documents: [meta], taxonomy: [{ id: 't-key', name: '关键', color: '#f00', hotkey: null }], settings: {}, indicatorMap: {} };
  return { workspace, docs: [doc] };
}
