import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTagColor, safeTagColor } from './colors';

describe('tag colours', () => {
  it('accepts hex colours and a few names; refuses anything that is CSS beyond a colour', () => {
    for (const c of ['#abc', '#1f77b4', '#1F77B4cc', 'red', 'Teal']) expect(isTagColor(c), c).toBe(true);
    for (const c of ['url(http://127.0.0.1:9/x)', 'var(--x)', 'red;background:url(x)', 'expression(alert(1))', '#12', '#12345', '#1234567', 'rgb(1,2,3)', '', ' #abc', 'transparent', 'currentcolor']) {
      expect(isTagColor(c), c).toBe(false);
    }
    expect(safeTagColor('url(x)')).toBe('#888888');
    expect(safeTagColor('#abc')).toBe('#abc');
  });

  it('never lets through parentheses, semicolons, quotes or spaces, whatever the string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => !isTagColor(s) || !/[();:'"\s\\/]/.test(s)));
  });
});
