import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { looksBinary, sniffBomlessUtf16 } from './binary';
import { decodeText } from './index';
import { codeOf, CORPUS } from './test-fixtures';

const corpus = ['changzhi-city-2024', 'jiangxian-county-2024', 'taiyuan-city-2024'].map((n) => readFileSync(`${CORPUS}/${n}.txt`, 'utf8')).join('');
const TRADITIONAL =
  '召開常委會會議9次、審議法規3件，聽取和審議專項工作報告16項，作出決議決定10項，依法任免國家機關工作人員43人（次），為全市經濟社會高質量發展提供了堅實的民主法治保障。' +
  '常委會牢牢把握人大機關首先是政治機關的本質屬性，把黨的領導貫穿人大工作各方面全過程，深刻領悟兩個確立的決定性意義。圍繞中心，服務大局，守正創新，高效履職，圓滿完成市十五屆人大三次會議確定的各項任務。' +
  '堅持以習近平新時代中國特色社會主義思想為指導，紮實開展主題教育，推動全市人大工作高質量發展。';

const hanCount = (s: string): number => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

/** Slices of a text with at least `minHan` Han characters and no line break. */
function slices(text: string, minHan: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(text.length - 1), fc.integer({ min: minHan, max: 60 }))
    .map(([start, len]) => text.slice(start, start + len))
    .filter((s) => hanCount(s) >= minHan && !s.includes('\n'));
}

describe('decodeText: detection', () => {
  // 6+ Han characters: every one of the 9,946 six-Han windows of these reports reads back; of the
  // 25,031 four- and five-Han windows, 5 read as Big5 (打包修改 → 湖婦党蜊: too short to tell
  // the two tables apart by character frequency). A report is never that short; the property once
  // drew one of them in a CI run.
  it('reads GBK slices of real reports back exactly (6+ Han characters)', () => {
    fc.assert(
      fc.property(slices(corpus, 6), (s) => {
        expect(decodeText(iconv.encode(s, 'gbk'))).toEqual({ text: s, encoding: 'gb18030' });
      }),
      { numRuns: 400 },
    );
  });

  it('reads Big5 slices of Traditional text back exactly (4+ Han characters)', () => {
    fc.assert(
      fc.property(slices(TRADITIONAL, 4), (s) => {
        expect(decodeText(iconv.encode(s, 'big5'))).toEqual({ text: s, encoding: 'big5' });
      }),
      { numRuns: 300 },
    );
  });

  it('reads GB18030-only characters (four-byte sequences)', () => {
    const s = '各位代表：𠀀𪚥，报告工作。';
    expect(decodeText(iconv.encode(s, 'gb18030'))).toEqual({ text: s, encoding: 'gb18030' });
  });

  it('round-trips any text as UTF-8, and UTF-16LE/BE with a BOM', () => {
    const cp = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0xfffd }), fc.integer({ min: 0x10000, max: 0x10ffff }), fc.constantFrom(0x0a, 0x0d, 0x09));
    const text = fc.array(cp, { minLength: 1, maxLength: 200 }).map((cps) => String.fromCodePoint(...cps)).filter((s) => s.charCodeAt(0) !== 0xfeff);
    fc.assert(
      fc.property(text, (s) => {
        const utf8 = decodeText(Buffer.from(s, 'utf8'));
        // a text made only of 2-byte UTF-8 sequences may read as Chinese; it must at least be a valid reading
        if (utf8.encoding === 'utf-8') expect(utf8.text).toBe(s);
        expect(decodeText(iconv.encode(s, 'utf-16le', { addBOM: true }))).toEqual({ text: s, encoding: 'utf-16le' });
        expect(decodeText(iconv.encode(s, 'utf-16be', { addBOM: true }))).toEqual({ text: s, encoding: 'utf-16be' });
      }),
      { numRuns: 300 },
    );
  });

  it('prefers Chinese over a chance UTF-8 reading of short GBK text', () => {
    // 学习 in GBK is D1 A7 CF B0: valid UTF-8 ("ѧϰ")
    expect(decodeText(iconv.encode('学习', 'gbk'))).toEqual({ text: '学习', encoding: 'gb18030' });
    // real two-byte UTF-8 text stays UTF-8
    expect(decodeText(Buffer.from('Привет, мир! Съешь же ещё этих мягких французских булок.', 'utf8')).encoding).toBe('utf-8');
    expect(decodeText(Buffer.from('Le café est très bon, l’été.', 'utf8')).encoding).toBe('utf-8');
    for (const s of ['café', 'Straße', '±5°C', 'Ελληνικά', '© 2024', 'Ü']) expect(decodeText(Buffer.from(s, 'utf8')), s).toEqual({ text: s, encoding: 'utf-8' });
  });

  it('removes a BOM and nothing else', () => {
    expect(decodeText(Buffer.from('\ufeff\ufeff各位\r\n', 'utf8'))).toEqual({ text: '\ufeff各位\r\n', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('各位', 'utf-32le', { addBOM: true })).text).toBe('各位');
  });

  it('reads UTF-16 without a BOM when ASCII shows the byte order', () => {
    const s = 'Report 2024: 各位代表 GDP grew 5.2% in 2023.';
    expect(decodeText(iconv.encode(s, 'utf-16le'))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(s, 'utf-16be'))).toEqual({ text: s, encoding: 'utf-16be' });
    expect(sniffBomlessUtf16(Buffer.from('plain ascii'))).toBeNull();
  });

  it('falls back to a general guess for non-Chinese legacy encodings', () => {
    const fr = 'Le café est une boisson très populaire en France et dans le monde entier. Ça va très bien.';
    expect(decodeText(iconv.encode(fr, 'windows-1252')).text).toBe(fr);
    const ja = '日本語の文字コード検出テストです。これは長い文章ですが、ひらがなとカタカナが沢山あります。';
    expect(decodeText(iconv.encode(ja, 'shift_jis')).text).toBe(ja);
  });

  it('tolerates a few damaged bytes in UTF-8 and a cut last character', () => {
    const s = corpus.slice(0, 500);
    const bytes = Buffer.from(s, 'utf8');
    const damaged = Buffer.concat([bytes.subarray(0, 300), Buffer.from([0xff]), bytes.subarray(300)]);
    expect(decodeText(damaged).encoding).toBe('utf-8');
    const cut = bytes.subarray(0, bytes.length - 1);
    const r = decodeText(cut);
    expect(r.encoding).toBe('utf-8');
    expect(r.text.slice(0, -1)).toBe(s.slice(0, -1));
  });
});

describe('decodeText: override and errors', () => {
  it('decodes with the override and accepts common labels', () => {
    const gbk = iconv.encode('审议法规', 'gbk');
    expect(decodeText(gbk, 'GBK')).toEqual({ text: '审议法规', encoding: 'gb18030' });
    expect(decodeText(gbk, 'gb2312').text).toBe('审议法规');
    expect(decodeText(gbk, 'cp936').text).toBe('审议法规');
    expect(decodeText(gbk, 'big5').encoding).toBe('big5');
    expect(decodeText(Buffer.from('\ufeff各位', 'utf8'), 'UTF-8')).toEqual({ text: '各位', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('審議', 'big5'), 'Big5-HKSCS').text).toBe('審議');
    expect(decodeText(iconv.encode('各位', 'utf-16be', { addBOM: true }), 'UTF-16')).toEqual({ text: '各位', encoding: 'utf-16be' });
    expect(decodeText(iconv.encode('各位', 'utf-16le'), 'utf-16')).toEqual({ text: '各位', encoding: 'utf-16le' });
  });

  it('refuses an unknown override', () => {
    expect(codeOf(() => decodeText(Buffer.from('x'), 'no-such-encoding'))).toBe('unknown-encoding');
    expect(codeOf(() => decodeText(Buffer.from('x'), '../../etc'))).toBe('unknown-encoding');
  });

  it('calls NUL bytes and control-character soup binary', () => {
    expect(codeOf(() => decodeText(Buffer.from([0x41, 0x00, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x00, 0x00, 0x00])))).toBe('binary-file');
    const control = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)));
    expect(codeOf(() => decodeText(control))).toBe('binary-file');
    expect(looksBinary(Buffer.from('各位\f代表\t\r\n\x1b', 'utf8'))).toBe(false);
    // binary in the middle of a large file
    const big = Buffer.alloc(400 * 1024, 0x41);
    big[200 * 1024 + 5] = 0;
    expect(looksBinary(big)).toBe(true);
  });

  it('reports an encoding it cannot tell as unknown', () => {
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + ((i * 7919) % 127)));
    expect(codeOf(() => decodeText(noise))).toBe('unknown-encoding');
  });
});
