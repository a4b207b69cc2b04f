/**
 * [import-s6] Line ends of text files: whatever mix of LF, CRLF, lone CR and U+2028/2029 a file
 * has, in UTF-8, UTF-16 or GBK, the imported text is the LF text, and the warning counts exactly
 * the line ends that were not LF. HTML `<pre>` ends its lines at CR and CRLF as at LF.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importHtml } from './html';
import { importTxt } from './txt';
import { warningText } from './warnings';

const END = { lf: '\n', crlf: '\r\n', cr: '\r', ls: '\u2028', ps: '\u2029' } as const;
type End = keyof typeof END;

/** A line of report text: Chinese, digits, spaces and punctuation, never a line end. */
const line = fc.array(fc.constantFrom(...'召开常委会会议次全年增长亿元万人１２3456789０. ，。、％%（）\u3000\t'), { maxLength: 30 }).map((cs) => cs.join(''));

describe('text files: every line end is read as LF and counted', () => {
  it('any mix of LF, CRLF, CR and U+2028/9, in UTF-8, UTF-16LE/BE and GBK', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, fc.constantFrom<End>('lf', 'crlf', 'cr', 'ls', 'ps')), { minLength: 1, maxLength: 20 }), line, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'gbk'), (parts, last, encoding) => {
        // a Chinese opening so that short texts are detected as what they are
        const raw = '各位代表：' + parts.map(([l, e]) => l + END[e]).join('') + last;
        const lf = '各位代表：' + parts.map(([l]) => l + '\n').join('') + last;
        const bytes = encoding === 'utf-8' ? Buffer.from(raw, 'utf8') : iconv.encode(raw, encoding, { addBOM: encoding !== 'gbk' });
        // GBK has no U+2028/9: those files are UTF only
        fc.pre(!(encoding === 'gbk' && /[\u2028\u2029]/.test(raw)));
        // a lone CR followed by an empty line's LF is a CRLF: not a mix this property can state
        fc.pre(parts.every(([, e], i) => e !== 'cr' || !(parts.slice(i + 1).map(([l, x]) => l + END[x]).join('') + last).startsWith('\n')));
        const r = importTxt(bytes, encoding === 'gbk' ? 'gbk' : undefined);
        expect(r.text).toBe(lf);
        const count = (k: End): number => parts.filter(([, e]) => e === k).length;
        const expected = count('crlf') + count('cr') + count('ls') + count('ps') > 0 ? [{ code: 'line-ends-normalised', params: { crlf: count('crlf'), cr: count('cr'), separators: count('ls') + count('ps') } }] : [];
        expect(r.warnings.filter((w) => w.code === 'line-ends-normalised')).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a real-world GBK report saved by Notepad (CRLF, full-width indent) reads as its LF text, with one warning worded in English for the CLI', () => {
    const text = '\r\n\u3000\u3000各位代表：\r\n\u3000\u3000全年召开常委会会议12次，地区生产总值198.5亿元。\r\n';
    const r = importTxt(iconv.encode(text, 'gbk'));
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(text.replace(/\r\n/g, '\n'));
    expect(r.warnings.map(warningText)).toEqual(['Line ends read as LF (3 CRLF); offsets count each line end as one character.']);
  });
});

describe('HTML <pre>: CR and CRLF end a line', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('%s', (_name, end) => {
    const html = `<html><body><pre>第一行：召开会议9次${end}第二行${end}${end}第三行</pre><p>甲${end}乙</p></body></html>`;
    expect(importHtml(Buffer.from(html, 'utf8')).text).toBe('\n\n第一行：召开会议9次\n\n第二行\n\n第三行\n\n甲乙');
  });
});
