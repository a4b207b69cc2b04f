/**
 * Reviews made on another version of a report's text, carried with nothing of that text but the
 * reviews themselves (a teammate's work file, or mine from another machine): no old findings,
 * no old text. Every placement is checked against where the reviewed finding really went; a
 * review that cannot be placed surely is an orphan, never on another finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Defect, Figure } from '../schema';
import type { Finding, Review } from '../store-schema';
import { type ReviewState, applyAction } from '../review/actions';
import { findingsFromAnalysis, makeAnchor, markRepeated } from './findings';
import { reanchorReviews } from './reanchor';

const ctx = { now: '2026-01-01T00:00:00.000Z', annotator: 't' };
const cpLen = (s: string) => [...s].length;

/** Every figure "<digits><unit>" of the text (units 次 件 个 项), kind count. */
function figuresOf(text: string): Figure[] {
  const out: Figure[] = [];
  const re = /(\d+)([次件个项])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = cpLen(text.slice(0, m.index));
    out.push({ text: m[0], start, end: start + cpLen(m[0]), kind: 'count', value: Number(m[1]), value_to: null, unit: m[2]!, approx: null, metric: null });
  }
  return out;
}
const findingsOf = (text: string, defects: Defect[] = []): Finding[] => findingsFromAnalysis({ figures: figuresOf(text), duplicates: [], defects });

/** The state after reviewing, in order, the figures at these indexes (accepted; the last one corrected). */
function reviewedOn(text: string, picks: number[], defects: Defect[] = []): ReviewState {
  let s: ReviewState = { text, findings: findingsOf(text, defects), reviews: {}, history: { undo: [], redo: [] } };
  const figs = s.findings.filter((f) => f.type === 'figure');
  picks.forEach((i, k) => {
    const f = figs[i]!;
    s = k === picks.length - 1 && k > 0 ? applyAction(s, { type: 'setFields', findingId: f.id, fields: { value: 999 } }, ctx) : applyAction(s, { type: 'setStatus', findingIds: [f.id], status: 'accepted' }, ctx);
  });
  return s;
}

/** Carries the reviews as a teammate's work arrives: no old findings, no old text. */
const carry = (s: ReviewState, newText: string, newFindings = findingsOf(newText), orphans: Review[] = []) =>
  reanchorReviews({ oldFindings: [], reviews: s.reviews, newText, newFindings, orphans });

/** The figure a review sits on: its quote and its place (code points). */
function where(text: string, findings: Finding[], id: string): { quote: string; start: number } {
  const f = findings.find((x) => x.id === id)!;
  const d = f.data as Figure;
  return { quote: [...text].slice(d.start, d.end).join(''), start: d.start };
}

const V1 = '\n\n召开常委会会议9次、主任会议23次，审议法规草案12件。\n\n开展执法检查4次，代表建议14件。\n';

describe('reviews made on another version of the text, carried without its findings', () => {
  it('text inserted before: every review follows its figure to its new place (the ids moved)', () => {
    const s = reviewedOn(V1, [0, 2, 4]);
    const v2 = '\n\n前言𠀀😀：本报告新增一段说明，共计三十七个字。\n' + V1;
    const shift = cpLen(v2) - cpLen(V1);
    const r = carry(s, v2);
    expect(r.orphans).toEqual([]);
    const before = Object.values(s.reviews).map((x) => [x.anchor.quote, x.anchor.start + shift, x.status, x.fields]);
    const after = Object.values(r.reviews).map((x) => [where(v2, r.findings, x.findingId).quote, where(v2, r.findings, x.findingId).start, x.status, x.fields]);
    expect(after).toEqual(before);
    for (const id of Object.keys(s.reviews)) expect(r.reviews[id]).toBeUndefined(); // positions, so ids, all moved
    expect(r.findings.every((f) => f.origin === 'detector')).toBe(true); // on the detector's findings, nothing carried
  });

  it('text deleted before: the same', () => {
    const s = reviewedOn(V1, [2, 3, 4]);
    const v2 = V1.replace('召开常委会会议9次、主任会议23次，', '');
    const r = carry(s, v2);
    expect(r.orphans).toEqual([]);
    expect(Object.values(r.reviews).map((x) => where(v2, r.findings, x.findingId).quote)).toEqual(['12件', '4次', '14件']);
    expect(Object.values(r.reviews).map((x) => x.anchor.quote)).toEqual(['12件', '4次', '14件']);
  });

  it('edited inside: a changed figure is an orphan; an edit in its context still places it', () => {
    const s = reviewedOn(V1, [3, 4]);
    const changed = carry(s, '\n\n新增。' + V1.replace('代表建议14件', '代表建议16件'));
    expect(changed.orphans.map((o) => o.anchor.quote)).toEqual(['14件']);
    expect(Object.values(changed.reviews).map((x) => x.anchor.quote)).toEqual(['4次']);
    const context = '\n\n新增。' + V1.replace('开展执法检查4次，代表建议', '开展专项执法检查4次，代表建议');
    const r = carry(s, context);
    expect(r.orphans).toEqual([]);
    expect(Object.values(r.reviews).map((x) => where(context, r.findings, x.findingId).quote)).toEqual(['4次', '14件']);
  });

  it('an edit right next to reviewed figures (their context changed on one side): still placed, between the sure ones', () => {
    const s = reviewedOn(V1, [0, 3, 4]);
    const v2 = '\n\n新增。' + V1.replace('开展执法检查4次', '开展执法专项检查4次');
    const r = carry(s, v2);
    expect(r.orphans).toEqual([]);
    const at = Object.values(r.reviews).map((x) => where(v2, r.findings, x.findingId));
    expect(at).toEqual(['9次', '4次', '14件'].map((q) => ({ quote: q, start: cpLen(v2.slice(0, v2.indexOf(q))) })));
    // edited on both sides, with no sure neighbour at the same shift: nothing proves the place
    const both = '\n\n新增。' + V1.replace('开展执法检查4次，代表建议', '开展执法专项检查4次，代表的建议');
    expect(carry(s, both).orphans.map((o) => o.anchor.quote)).toEqual(['4次']);
  });

  const PARA = '本年度围绕中心工作开展执法检查4次，听取和审议专项工作报告共6次，并围绕重点难点问题开展专题询问2次，取得了良好的效果。\n';
  const TWICE = `\n\n第一部分。\n${PARA}\n第二部分。\n${PARA}`;

  it('a quote repeated with all its context: an orphan when nothing tells the copies apart, never the other copy', () => {
    const s = reviewedOn(TWICE, [4]); // 6次 in the second copy
    const long = '\n\n插入的一长段文字。'.repeat(6);
    const r = carry(s, long + TWICE);
    expect(Object.keys(r.reviews)).toEqual([]);
    expect(r.orphans.map((o) => o.anchor.quote)).toEqual(['6次']);
  });

  it('the same quote is placed on its own copy where reviews around it were placed surely', () => {
    const text = `\n\n会议9次。\n${TWICE}\n审议法规草案12件。`;
    const s = reviewedOn(text, [0, 5, 7]); // 9次 (unique), 6次 in the second copy, 12件 (unique)
    const v2 = '\n\n插入的一长段文字。'.repeat(6) + text;
    const shift = cpLen(v2) - cpLen(text);
    const r = carry(s, v2);
    expect(r.orphans).toEqual([]);
    const second = figuresOf(text)[5]!;
    expect(Object.values(r.reviews).map((x) => where(v2, r.findings, x.findingId))).toContainEqual({ quote: '6次', start: second.start + shift });
  });

  it('two copies reviewed: text inserted before both, each on its own copy; inserted between them, never swapped', () => {
    const text = `\n\n会议9次。\n${TWICE}\n审议法规草案12件。`;
    const s = reviewedOn(text, [0, 2, 5, 7]); // 6次 in both copies
    for (const [id, x] of Object.entries(s.reviews)) s.reviews[id] = { ...x, note: id };
    const firstCopy = `fig:${figuresOf(text)[2]!.start}-${figuresOf(text)[2]!.end}:count`;
    const before = '\n\n插入的一长段文字。'.repeat(6) + text;
    const r1 = carry(s, before);
    expect(r1.orphans).toEqual([]);
    const sixes1 = figuresOf(before).filter((f) => f.text === '6次').map((f) => f.start);
    expect(Object.values(r1.reviews).filter((x) => x.anchor.quote === '6次').map((x) => [x.note === firstCopy, where(before, r1.findings, x.findingId).start])).toEqual([[true, sixes1[0]], [false, sixes1[1]]]);
    const between = text.replace('第二部分。', '第二部分。另有新增的一段文字，说明情况。');
    const r2 = carry(s, between);
    const sixes2 = figuresOf(between).filter((f) => f.text === '6次').map((f) => f.start);
    for (const x of Object.values(r2.reviews).filter((y) => y.anchor.quote === '6次')) expect(where(between, r2.findings, x.findingId).start).toBe(x.note === firstCopy ? sixes2[0] : sixes2[1]);
    expect(Object.keys(r2.reviews).length + r2.orphans.length).toBe(4);
  });

  it('a copy of the reviewed passage left alone after its original was deleted is not taken for it, when reviews show the passage stood twice', () => {
    const s = reviewedOn(TWICE, [1, 4]); // 6次 in both copies
    const v2 = TWICE.replace(`第一部分。\n${PARA}`, '第一部分。\n');
    const r = carry(s, v2);
    // one copy left: which of the two reviews it belongs to is not known, so neither takes it
    expect(Object.keys(r.reviews)).toEqual([]);
    expect(r.orphans).toHaveLength(2);
  });

  it('a finding of another kind at the place does not take the review; nothing of this text is carried over for it', () => {
    const text = '\n\n文中有<b>标记残留，共9次。';
    const markup: Defect = { kind: 'markup_residue', start: 5, end: 8, text: '<b>', replacement: '' };
    let s: ReviewState = { text, findings: findingsOf(text, [markup]), reviews: {}, history: { undo: [], redo: [] } };
    s = applyAction(s, { type: 'setStatus', findingIds: ['def:markup_residue:5-8'], status: 'accepted' }, ctx);
    const v2 = '\n\n新增。' + text;
    const other: Defect = { ...markup, kind: 'foreign_token', start: 10, end: 13 };
    const r = carry(s, v2, findingsOf(v2, [other]));
    expect(Object.keys(r.reviews)).toEqual([]);
    expect(r.orphans).toHaveLength(1);
    expect(r.findings.some((f) => f.origin === 'manual')).toBe(false);
    // with the same kind there, it is placed
    const same = carry(s, v2, findingsOf(v2, [{ ...markup, start: 10, end: 13 }]));
    expect(Object.keys(same.reviews)).toEqual(['def:markup_residue:10-13']);
  });

  it('an orphan made on another text goes back to its finding when a later version brings the words back', () => {
    const s = reviewedOn(V1, [1]);
    const gone = carry(s, V1.replace('主任会议23次，', ''));
    expect(gone.orphans).toHaveLength(1);
    const v3 = '\n\n又一版。' + V1;
    const back = reanchorReviews({ oldFindings: [], reviews: gone.reviews, newText: v3, newFindings: findingsOf(v3), orphans: gone.orphans });
    expect(back.orphans).toEqual([]);
    expect(Object.values(back.reviews).map((x) => where(v3, back.findings, x.findingId).quote)).toEqual(['23次']);
  });

  it('with the old text known (a re-analysis here), a repeated quote where the texts are equal to the end is placed by position', () => {
    const s = reviewedOn(TWICE, [4]);
    const v2 = '\n\n插入的一长段文字。'.repeat(6) + TWICE;
    const r = reanchorReviews({ oldFindings: s.findings, reviews: s.reviews, newText: v2, newFindings: findingsOf(v2), oldText: TWICE });
    expect(r.orphans).toEqual([]);
    expect(Object.values(r.reviews).map((x) => where(v2, r.findings, x.findingId).start)).toEqual([figuresOf(v2)[4]!.start]);
  });
});

// ---------------------------------------------------------------- metamorphic

const PHRASES = ['召开常委会会议', '开展执法检查', '审议法规草案', '听取专项工作报告', '代表建议', '开展专题询问'];
const UNITS = ['次', '件', '个', '项'];
/** inserted text: no digits or units, so it makes no figure and no copy of a figure's context */
const FILLER = '甲乙丙丁戊己庚辛ABCxyz，、\n';

const sentence = fc.record({ phrase: fc.constantFrom(...PHRASES), n: fc.integer({ min: 1, max: 4 }), unit: fc.constantFrom(...UNITS), end: fc.constantFrom('。', '，', '；\n') });
const report = fc.array(sentence, { minLength: 2, maxLength: 24 }).map((ss) => '\n\n' + ss.map((x) => `${x.phrase}${x.n}${x.unit}${x.end}`).join(''));

describe('inserting text outside the reviewed findings (property)', () => {
  it('places every review on the same finding or keeps it as an orphan; never another finding; nothing lost; a review whose context is unique and untouched is always placed', () => {
    let placedTotal = 0;
    let reviewsTotal = 0;
    fc.assert(
      fc.property(
        report,
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.stringMatching(new RegExp(`^[${FILLER}]{1,40}$`, 'u'))), { minLength: 1, maxLength: 6 }),
        (text, rawPicks, rawInserts) => {
          const figs = figuresOf(text);
          const picks = [...new Set(rawPicks.map((p) => p % figs.length))];
          const s = reviewedOn(text, picks);
          for (const [id, x] of Object.entries(s.reviews)) s.reviews[id] = { ...x, note: id };
          const length = cpLen(text);
          const reviewed = picks.map((i) => figs[i]!);
          // insertion points: anywhere but strictly inside a reviewed figure
          const inserts = rawInserts
            .map(([p, str]) => ({ at: p % (length + 1), str }))
            .filter((x) => reviewed.every((f) => !(x.at > f.start && x.at < f.end)))
            .sort((a, b) => b.at - a.at);
          const cps = [...text];
          for (const x of inserts) cps.splice(x.at, 0, x.str);
          const v2 = cps.join('');
          const movedTo = (p: number): number => p + inserts.filter((x) => x.at <= p).reduce((n, x) => n + cpLen(x.str), 0);

          const r = carry(s, v2);
          reviewsTotal += picks.length;
          placedTotal += Object.keys(r.reviews).length;
          // nothing lost
          expect(Object.keys(r.reviews).length + r.orphans.length).toBe(Object.keys(s.reviews).length);
          const byOldId = new Map(reviewed.map((f) => [`fig:${f.start}-${f.end}:count`, f]));
          for (const placed of Object.values(r.reviews)) {
            // the note says which review it was (set below): its own finding, moved, same words
            const own = byOldId.get(placed.note)!;
            const at = where(v2, r.findings, placed.findingId);
            expect(at, `review of ${own.text} at ${own.start}`).toEqual({ quote: own.text, start: movedTo(own.start) });
            expect(placed.status).toBe(s.reviews[placed.note]!.status);
          }
          // untouched unique context → placed
          for (const [id, f] of byOldId) {
            const a = s.reviews[id]!.anchor;
            const needle = a.prefix + a.quote + a.suffix;
            const unique = text.indexOf(needle) === text.lastIndexOf(needle);
            const lo = f.start - cpLen(a.prefix);
            const hi = f.end + cpLen(a.suffix);
            const touched = inserts.some((x) => x.at > lo && x.at < hi);
            if (unique && !touched) expect(Object.values(r.reviews).some((x) => where(v2, r.findings, x.findingId).start === movedTo(f.start)), `unique ${a.quote} at ${f.start}`).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // the property is not met by orphaning everything
    expect(placedTotal / reviewsTotal).toBeGreaterThan(0.5);
  });
});

describe('deleting text outside the figures (property)', () => {
  it('places every review on the same finding or keeps it as an orphan; never another finding; nothing lost', () => {
    fc.assert(
      fc.property(report, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 4 }), (text, rawPicks, rawDels) => {
        const figs = figuresOf(text);
        const picks = [...new Set(rawPicks.map((p) => p % figs.length))];
        const s = reviewedOn(text, picks);
        for (const [id, x] of Object.entries(s.reviews)) s.reviews[id] = { ...x, note: id };
        const cps = [...text];
        const keep = cps.map(() => true);
        // stretches without a figure's character: no figure is cut, none is made
        for (const [p, len] of rawDels) for (let k = p % cps.length; k < Math.min(cps.length, (p % cps.length) + len) && !/[0-9次件个项]/u.test(cps[k]!); k++) keep[k] = false;
        const v2 = cps.filter((_, k) => keep[k]).join('');
        const movedTo = (p: number) => p - keep.slice(0, p).filter((x) => !x).length;
        const r = carry(s, v2);
        expect(Object.keys(r.reviews).length + r.orphans.length).toBe(picks.length);
        for (const placed of Object.values(r.reviews)) {
          const own = figs.find((f) => `fig:${f.start}-${f.end}:count` === placed.note)!;
          expect(where(v2, r.findings, placed.findingId)).toEqual({ quote: own.text, start: movedTo(own.start) });
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the repeated mark of an anchor', () => {
  it('is set exactly where the quote with its whole context stands more than once, for a few anchors or many at once (property)', () => {
    fc.assert(
      fc.property(report, fc.array(fc.nat(), { minLength: 1, maxLength: 150 }), (text, raw) => {
        const n = cpLen(text);
        const anchors = raw.map((p) => {
          const start = p % n;
          return makeAnchor(text, start, Math.min(n, start + 1 + (p % 3)));
        });
        markRepeated(text, anchors);
        for (const a of anchors) {
          const needle = a.prefix + a.quote + a.suffix;
          let count = 0;
          for (let u = text.indexOf(needle); u >= 0; u = text.indexOf(needle, u + 1)) count++;
          expect(a.repeated === true, `${JSON.stringify(needle)} ×${count}`).toBe(count > 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
