// halfWidthMarks leaves out the marks of table rows (a line holding a tab): the tabs are looked
// for once per text, so which lines are rows must come out as a look at each line gives it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halfWidthMarks } from './punctuation';

// a prose line's half-width comma stands between Han characters (counted); a row's does too, but
// a tab elsewhere on its line makes it a table row (not counted)
const line = fc.record({
  tabAt: fc.option(fc.nat(6), { nil: null }),
  marks: fc.array(fc.constantFrom('中,文', '增长,下降', '全年'), { minLength: 1, maxLength: 4 }),
});

describe('half-width marks in table rows', () => {
  it('only the marks of lines without a tab, whatever the lines before and after', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, blank) => {
        const texts = lines.map(({ tabAt, marks }) => {
          const t = marks.join('');
          return tabAt === null ? t : t.slice(0, tabAt % (t.length + 1)) + '\t' + t.slice(tabAt % (t.length + 1));
        });
        const text = texts.join(blank ? '\n\n' : '\n');
        const expected: number[] = [];
        let at = 0;
        for (const t of texts) {
          if (!t.includes('\t')) for (let k = 0; k < t.length; k++) if (t[k] === ',') expected.push(at + k);
          at += t.length + (blank ? 2 : 1);
        }
        expect(halfWidthMarks(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('a window of the text: its rows are told by the tabs inside it', () => {
    const text = '中,文\t表\n中,文,字\n中,文\t表\n中,文';
    expect(halfWidthMarks(text)).toEqual([7, 9, 19]);
    // from inside the first line (after its mark): nothing of it
    expect(halfWidthMarks(text, 4)).toEqual([7, 9, 19]);
    // a window that ends before the third line's tab: that line's part in it is prose
    expect(halfWidthMarks(text, 0, 15)).toEqual([7, 9, 13]);
    expect(halfWidthMarks(text, 0, 16)).toEqual([7, 9]);
  });
});
