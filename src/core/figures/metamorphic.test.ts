/**
 * Metamorphic properties of the figure detector (ANNOTATION-GUIDE §1, "Text as analysts really
 * receive it"): whitespace is layout. Over every figure of the five sample reports and of the
 * hand-checked probes of layout.test.ts:
 * - inserting a space, U+3000, a thin space or a line break anywhere inside or around a figure
 *   never yields a different non-null value for it;
 * - the figure keeps its value (and is found) unless the insertion splits two digits (then a
 *   null value is allowed: `20 24` is an uncertain group) or is a line break after a short line
 *   (a heading ends there: a line break after fewer than 16 characters is a paragraph end);
 * - spacing every character of a paragraph (a letter-spaced PDF line) keeps all its figures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { detectFigures } from './index';
import { PROBES } from './probes.testdata';

const dir = join(__dirname, '../../../resources/samples');
const reports = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
const paragraphs = [...reports.flatMap((t) => t.split('\n')), ...PROBES.map((p) => p.text)].filter((p) => p.trim().length > 0);

/** Figures with a value to keep (names carry none). */
const valued = (figs: Figure[]): Figure[] => figs.filter((f) => f.kind !== 'name');

interface Case {
  /** the paragraph as code points */
  cps: string[];
  fig: Figure;
}

const cases: Case[] = [];
for (const p of paragraphs) for (const fig of valued(detectFigures(p))) cases.push({ cps: Array.from(p), fig });

const WHITESPACE = [' ', '\u3000', '\u2009', '\n'];
const isDigit = (s: string | undefined): boolean => s !== undefined && /^[0-9０-９]$/.test(s);
/** A place between two characters of a written number (digits, its decimal point or comma). */
const insideNumber = (cps: string[], k: number): boolean => {
  // the characters either side, past whitespace already there (3 300)
  let i = k - 1;
  while (i > 0 && /\s|\u3000/.test(cps[i])) i--;
  let j = k;
  while (j < cps.length - 1 && /\s|\u3000/.test(cps[j])) j++;
  const a = cps[i];
  const b = cps[j];
  k = j;
  const mark = (s: string | undefined): boolean => s !== undefined && /^[.．,，]$/.test(s);
  return (isDigit(a) && isDigit(b)) || (isDigit(a) && mark(b) && isDigit(cps[k + 1])) || (mark(a) && isDigit(b) && isDigit(cps[i - 1]));
};
/** Whether a break inserted at code point k follows a line long enough to be a wrapped PDF line. */
const afterLongLine = (cps: string[], k: number): boolean => {
  if (cps[k] === '\n') return false; // a blank line ends a paragraph
  let len = 0;
  for (let i = k - 1; i >= 0 && cps[i] !== '\n'; i--) if (!/\s|\u3000/.test(cps[i])) len++;
  return len >= 16;
};

/** Inserts `ws[i]` before code point `at[i]` (positions ascending, unique); returns the text and the figure's new span. */
function insert(c: Case, at: number[], ws: string[]): { text: string; start: number; end: number } {
  const out: string[] = [];
  let start = c.fig.start;
  let end = c.fig.end;
  let w = 0;
  for (let k = 0; k <= c.cps.length; k++) {
    while (w < at.length && at[w] === k) {
      out.push(ws[w]);
      if (k <= c.fig.start) start++;
      if (k < c.fig.end) end++;
      w++;
    }
    if (k < c.cps.length) out.push(c.cps[k]);
  }
  // a break inserted right at the start stays outside the figure
  return { text: out.join(''), start, end };
}

const overlapping = (figs: Figure[], start: number, end: number): Figure[] =>
  valued(figs).filter((f) => Math.min(f.end, end) - Math.max(f.start, start) > 0);

function check(c: Case, at: number[], ws: string[]): void {
  const { text, start, end } = insert(c, at, ws);
  const hits = overlapping(detectFigures(text), start, end);
  const label = `${JSON.stringify(text.slice(Math.max(0, start - 8), end + 8))} (was ${c.fig.text} = ${c.fig.value})`;
  const splitsDigits = at.some((k) => insideNumber(c.cps, k));
  // two inserted breaks may leave a line holding only a number (a page number), which is not read
  const shortLineBreak = at.some((k, i) => ws[i] === '\n' && !afterLongLine(c.cps, k)) || ws.filter((w) => w === '\n').length > 1;
  // never a different non-null value (a full date cut by a paragraph end may be read as the month it starts with)
  // (and an uncertain figure cut into paragraphs around a line holding only a number — a page number,
  // which is dropped — leaves parts that are read on their own)
  // a blank line inserted inside the figure ends its paragraph (the guide: clauses end at paragraph
  // ends): what follows is a figure of the next paragraph, read on its own (3⏎ ⏎300個 has 300個)
  const paragraphSplit = /\n[ \t\u3000]*\n/.test(text.slice(start, end));
  for (const h of hits) {
    // a quantity left without a value says why (the analyst sees the note)
    if (h.value === null && h.kind !== 'date') expect(h.note?.code, `${label}: a null value without a note`).toBeDefined();
    if (paragraphSplit && splitsDigits) continue;
    if (shortLineBreak && c.fig.value === null && (c.fig.kind === 'date' || ws.filter((w) => w === '\n').length > 1)) continue;
    // (a range cut by a paragraph end leaves its ends: 2022-23至⏎⏎2031-32年度 has 2031-32年度)
    if (shortLineBreak && c.fig.kind === 'range' && h.value !== null && c.fig.value !== null && c.fig.value_to !== null) {
      expect(h.value >= c.fig.value && (h.value_to ?? h.value) <= c.fig.value_to, label).toBe(true);
      continue;
    }
    if (h.value !== null) expect(h.value, label).toBe(c.fig.value);
    if (h.value_to !== null) expect(h.value_to, label).toBe(c.fig.value_to);
  }
  if (!splitsDigits && !shortLineBreak) {
    // the figure is found with its value
    expect(hits.some((h) => h.value === c.fig.value && h.value_to === c.fig.value_to), label).toBe(true);
  }
}

describe('whitespace inside or around a figure is layout', () => {
  it(`has figures to test (${cases.length} from the sample reports and probes)`, () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it('keeps every figure of the samples and probes with one whitespace character inserted at every place in or next to it', () => {
    for (const c of cases) {
      const from = Math.max(0, c.fig.start - 1);
      const to = Math.min(c.cps.length, c.fig.end + 1);
      for (let k = from; k <= to; k++) for (const w of WHITESPACE) check(c, [k], [w]);
    }
  });

  it('keeps them with several whitespace characters inserted at random places (fast-check)', () => {
    const arb = fc.integer({ min: 0, max: cases.length - 1 }).chain((i) => {
      const c = cases[i];
      const from = Math.max(0, c.fig.start - 1);
      const to = Math.min(c.cps.length, c.fig.end + 1);
      return fc.tuple(
        fc.constant(i),
        fc.uniqueArray(fc.integer({ min: from, max: to }), { minLength: 1, maxLength: 4 }).map((a) => a.sort((x, y) => x - y)),
        fc.array(fc.constantFrom(...WHITESPACE), { minLength: 4, maxLength: 4 }),
      );
    });
    fc.assert(
      fc.property(arb, ([i, at, ws]) => {
        check(cases[i], at, ws.slice(0, at.length));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('letter-spaced lines (every character of a paragraph spaced)', () => {
  it('keeps all figures of every paragraph of the samples and probes, in order, with their values', () => {
    for (const p of paragraphs) {
      const before = valued(detectFigures(p)).map((f) => [f.kind, f.value, f.value_to]);
      const spaced = Array.from(p).join(' ');
      const after = valued(detectFigures(spaced)).map((f) => [f.kind, f.value, f.value_to]);
      expect(after, spaced.slice(0, 80)).toEqual(before);
    }
  });

  it('keeps them with U+3000 or thin spaces between the characters', () => {
    for (const p of paragraphs.slice(0, 200)) {
      const before = valued(detectFigures(p)).map((f) => f.value);
      for (const sep of ['\u3000', '\u2009']) expect(valued(detectFigures(Array.from(p).join(sep))).map((f) => f.value)).toEqual(before);
    }
  });
});
