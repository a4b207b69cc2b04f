import Ajv from 'ajv';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Defect, Figure } from '../schema';
import { correctedText } from './corrected';
import { exportContext, prepareDocument } from './context';
import { csvRow } from './csv';
import { importLabelStudio } from './import';
import { documentRecord, jsonLine, workspaceRecord } from './jsonl';
import { bratAnn, conllLines, doccanoLine, labelStudioTask } from './labels';
import { type ExportFilter, exportFindings } from './model';
import { DOCUMENTS_COLUMNS, FACTS_COLUMNS, documentRow, duplicateRows, factRows } from './tabular';
import { astralFixture } from './testing';

const cpSlice = (text: string, s: number, e: number): string => Array.from(text).slice(s, e).join('');

function prepared(filter: ExportFilter = 'accepted') {
  const { workspace, docs } = astralFixture();
  const ctx = exportContext(workspace, filter);
  return { ctx, p: prepareDocument(workspace.documents[0], docs[0], ctx), workspace, doc: docs[0] };
}

describe('filters', () => {
  it('accepted: accepted and corrected only; name figures and boilerplate only when accepted', () => {
    const { doc } = prepared();
    const kinds = (f: ExportFilter) => exportFindings(doc, f).map((x) => `${x.kind}:${x.status}`);
    expect(kinds('accepted')).not.toContain('name:suggested');
    expect(kinds('accepted').every((k) => /:(accepted|corrected)$/.test(k))).toBe(true);
    expect(kinds('reviewed')).toContain('count:rejected');
    expect(kinds('reviewed').some((k) => k.endsWith(':suggested'))).toBe(false);
    expect(kinds('all')).not.toContain('name:suggested');
    expect(kinds('all')).not.toContain('boilerplate:suggested');
    const all = exportFindings(doc, 'all').length;
    expect(all).toBe(doc.findings.length - 2);
  });
});

describe('corrected text', () => {
  it('applies accepted corrections right to left with the analyst replacement, skipping overlaps', () => {
    const { doc } = prepared();
    const c = correctedText(doc);
    expect(c.text).toContain('二十大精神与习近平');
    expect(c.text).not.toContain(' and ');
    expect(c.text).toContain('重要讲话精神。');
    expect(c.text).not.toContain('X');
    expect(c.applied).toHaveLength(2);
    expect(c.skipped.map((s) => s.replacement)).toEqual(['X']);
    // the header's astral character before the corrections is untouched
    expect(c.text.startsWith('𠀀长治市')).toBe(true);
  });
  it('ignores suggested and rejected defects', () => {
    const { doc } = prepared();
    const reviews = { ...doc.reviews };
    for (const f of doc.findings) if (f.type === 'defect') delete reviews[f.id];
    expect(correctedText({ ...doc, reviews }).text).toBe(doc.text);
  });
});

describe('jsonl', () => {
  it('writes offsets as code points and UTF-16 that both quote the text, effective values and originals', () => {
    const { p, ctx, doc } = prepared('reviewed');
    const line = jsonLine(documentRecord(p, ctx));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const rec = JSON.parse(line);
    expect(rec.text).toBe(doc.text);
    expect(rec.corrected_text).toContain('精神与习近平');
    expect(rec.metadata.region).toBe('长治市');
    for (const f of rec.findings) {
      expect(cpSlice(rec.text, f.start, f.end)).toBe(f.quote);
      expect(rec.text.slice(f.start_utf16, f.end_utf16)).toBe(f.quote);
      if (f.type !== 'duplicate') {
        expect(rec.text.slice(f.data.start_utf16, f.data.end_utf16)).toBe(f.data.text);
        expect(cpSlice(rec.text, f.data.start, f.data.end)).toBe(f.data.text);
      } else for (const s of [f.data.a, f.data.b]) expect(rec.text.slice(s.start_utf16, s.end_utf16)).toBe(s.text);
    }
    for (const c of rec.corrections) expect(rec.text.slice(c.start_utf16, c.end_utf16)).toBe(cpSlice(rec.text, c.start, c.end));
    const astral = rec.findings.find((f: { quote: string }) => f.quote === '𠀀😀');
    expect(astral.end - astral.start).toBe(2);
    expect(astral.end_utf16 - astral.start_utf16).toBe(4);
    const corrected = rec.findings.find((f: { quote: string }) => f.quote === '3件');
    expect(corrected.status).toBe('corrected');
    expect(corrected.data.value).toBe(4);
    expect(corrected.original.value).toBe(3);
    expect(corrected.indicator).toBe('制定修改法规件数');
    const tagged = rec.findings.find((f: { quote: string }) => f.quote === '9次');
    expect(tagged.tags).toEqual(['关键']);
    expect(tagged.note).toBe('summary figure');
    expect(tagged.annotator).toBe('analyst');
    expect(tagged.original).toBeNull();
    expect(rec.findings.find((f: { quote: string }) => f.quote === '43人（次）').status).toBe('rejected');
  });
  it('has a workspace header record', () => {
    const { workspace } = prepared();
    const h = JSON.parse(jsonLine(workspaceRecord(workspace, 'accepted', 1, 'T')));
    expect(h).toMatchObject({ record: 'workspace', format: 'report-annotator-jsonl', filter: 'accepted', documents: 1 });
  });
});

describe('tables', () => {
  it('facts rows carry document metadata, paragraph, indicator, tags and status; CSV guards formulas', () => {
    const { p, ctx } = prepared();
    const rows = factRows(p, ctx);
    const csv = [FACTS_COLUMNS, ...rows].map((r) => csvRow(r)).join('');
    expect(csv.split('\r\n').length).toBe(rows.length + 2);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const nine = parsed.data.find((r) => r.text === '9次') as Record<string, string>;
    expect(nine).toMatchObject({ region: '长治市', year: '2023', paragraph: '3', value: '9', unit: '次', indicator: '常委会会议次数', tags: '关键', status: 'accepted' });
    expect(parsed.data.find((r) => r.text === "'-5 件")).toBeTruthy();
    expect(parsed.data.find((r) => r.text === '3件')?.value).toBe('4');
    // formula guard on every text cell
    for (const s of ['=SUM(A1)', '+1', '-5', '@x']) expect(csvRow([s])).toBe(`'${s}\r\n`);
    expect(csvRow([-5])).toBe('-5\r\n');
    expect(csvRow(['a,"b"\nc'])).toBe('"a,""b""\nc"\r\n');
  });
  it('duplicates and documents rows', () => {
    const { p, ctx } = prepared();
    const d = duplicateRows(p, ctx);
    expect(d).toHaveLength(1);
    expect(d[0][3]).toBe('exact_paragraph');
    const doc = Object.fromEntries(DOCUMENTS_COLUMNS.map((c, i) => [c, documentRow(p)[i]]));
    expect(doc).toMatchObject({ region: '长治市', level: '市', body: '人大常委会', meeting: '第十五届人民代表大会第四次会议', date: '2024-03-27', year: '2023' });
  });
});

const labelStudioSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['data'],
    properties: {
      data: { type: 'object', required: ['text', 'document'], properties: { text: { type: 'string' }, document: { type: 'string' } } },
      annotations: { type: 'array', items: { $ref: '#/definitions/resultSet' } },
      predictions: { type: 'array', items: { $ref: '#/definitions/resultSet' } },
    },
  },
  definitions: {
    resultSet: {
      type: 'object',
      required: ['result'],
      properties: {
        result: {
          type: 'array',
          items: {
            type: 'object',
            required: ['from_name', 'to_name', 'type', 'value'],
            properties: {
              id: { type: 'string' },
              from_name: { const: 'label' },
              to_name: { const: 'text' },
              type: { const: 'labels' },
              value: {
                type: 'object',
                required: ['start', 'end', 'text', 'labels'],
                additionalProperties: false,
                properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: { type: 'string' }, labels: { type: 'array', items: { type: 'string' }, minItems: 1 } },
              },
            },
          },
        },
      },
    },
  },
};

describe('Label Studio', () => {
  it('validates against the task schema, code point offsets, annotations vs predictions', () => {
    const { p } = prepared('all');
    const tasks = JSON.parse(JSON.stringify([labelStudioTask(p)]));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(labelStudioSchema);
    expect(validate(tasks), JSON.stringify(validate.errors)).toBe(true);
    const [task] = tasks;
    const ann = task.annotations[0].result;
    const pred = task.predictions[0].result;
    for (const r of [...ann, ...pred]) expect(cpSlice(task.data.text, r.value.start, r.value.end)).toBe(r.value.text);
    expect(ann.find((r: { value: { text: string } }) => r.value.text === '𠀀😀').value.labels).toEqual(['markup_residue']);
    expect(ann.some((r: { value: { text: string } }) => r.value.text === '43人（次）')).toBe(false); // rejected
    expect(pred.length).toBeGreaterThan(0);
  });
  it('a schema violation is caught (the check is not vacuous)', () => {
    const validate = new Ajv({ strict: false }).compile(labelStudioSchema);
    expect(validate([{ data: { text: 'x', document: 'd' }, annotations: [{ result: [{ from_name: 'label', to_name: 'text', type: 'labels', value: { start: -1, end: 1, text: 'x', labels: [] } }] }] }])).toBe(false);
  });
  it('imports tasks back: annotations accepted, predictions suggested, same spans', () => {
    const { p, doc } = prepared('all');
    const [back] = importLabelStudio(JSON.parse(JSON.stringify([labelStudioTask(p)])), { now: 'T' });
    expect(back.documentId).toBe(doc.id);
    expect(back.skipped).toEqual([]);
    const nine = back.findings.find((f) => f.type === 'figure' && f.data.text === '9次') as { id: string; data: Figure };
    expect(back.reviews[nine.id].status).toBe('accepted');
    expect(back.reviews[nine.id].note).toBe('summary figure');
    const suggested = Object.values(back.reviews).filter((r) => r.status === 'suggested');
    expect(suggested.length).toBe(labelStudioTask(p).predictions?.[0].result.length);
    const astral = back.findings.find((f) => f.type === 'defect' && f.data.text === '𠀀😀') as { data: Defect };
    expect(cpSlice(doc.text, astral.data.start, astral.data.end)).toBe('𠀀😀');
  });
  it('reads UTF-16 offsets of old Label Studio versions by the quote', () => {
    const text = '😀😀召开会议9次';
    const [back] = importLabelStudio([{ data: { text }, annotations: [{ result: [{ id: 'r1', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 8, end: 10, text: '9次', labels: ['count'] } }] }] }]);
    expect(back.findings[0].data).toMatchObject({ start: 6, end: 8, text: '9次' });
    const [bad] = importLabelStudio([{ data: { text }, annotations: [{ result: [{ id: 'r2', type: 'labels', value: { start: 0, end: 2, text: '召开', labels: ['count'] } }] }] }]);
    expect(bad.findings).toEqual([]);
    expect(bad.skipped[0].reason).toMatch(/quoted/);
  });
});

describe('doccano, brat, CoNLL', () => {
  it('doccano: code point offsets', () => {
    const { p } = prepared();
    const line = JSON.parse(jsonLine(doccanoLine(p)));
    expect(line.label.length).toBe(p.findings.filter((f) => f.status !== 'rejected').length);
    for (const [s, e] of line.label) expect(cpSlice(line.text, s, e)).toBe(p.quote(s, e));
    expect(line.label.some(([s, e]: number[]) => cpSlice(line.text, s, e) === '𠀀😀')).toBe(true);
  });
  it('brat: every T line quotes the text at its code point offsets', () => {
    const { p } = prepared('all');
    const ann = bratAnn(p);
    const chars = Array.from(p.doc.text);
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    expect(tLines.length).toBe(p.findings.filter((f) => f.status !== 'rejected').length);
    for (const l of tLines) {
      const m = /^T(\d+)\t(\S+) ((?:\d+ \d+;?)+)\t(.*)$/.exec(l);
      expect(m, l).toBeTruthy();
      const frags = (m as RegExpExecArray)[3].split(';').map((f) => f.split(' ').map(Number));
      expect(frags.map(([s, e]) => chars.slice(s, e).join('')).join(' ')).toBe((m as RegExpExecArray)[4]);
    }
    expect(ann).toMatch(/^#1\tAnnotatorNotes T\d+\tsummary figure$/m);
  });
  it('CoNLL: character BIO tags rebuild the figures', () => {
    const { p } = prepared();
    const out = conllLines(p);
    const lines = out.split('\n');
    expect(lines[0]).toBe('-DOCSTART-\tO');
    const rows = lines.filter((l) => l && !l.startsWith('-DOCSTART-'));
    for (const r of rows) expect(r).toMatch(/^\S\t(O|[BI]-[a-z_]+)$/u);
    // rebuild entities from the tags
    const entities: string[] = [];
    for (const r of rows) {
      const [c, tag] = r.split('\t');
      if (tag.startsWith('B-')) entities.push(`${tag.slice(2)}:${c}`);
      else if (tag.startsWith('I-')) entities[entities.length - 1] += c;
    }
    const expected = p.findings.filter((f) => f.type === 'figure').map((f) => `${f.kind}:${p.quote(f.start, f.end).replace(/\s/g, '')}`);
    expect(entities).toEqual(expected);
    expect(out).toContain('😀\tO');
    expect(out).toContain('\n\n'); // sentence breaks
  });
});
