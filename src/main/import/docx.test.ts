import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx } from './docx';
import { lieAboutSize, makeDocx, rejectionOf, wParagraph } from './test-fixtures';

const PARA = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。';

describe('importDocx', () => {
  it('keeps paragraphs, line breaks, tabs and table cells apart; drops empty paragraphs', async () => {
    const table = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数值</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const body = wParagraph('各位代表：') + '<w:p/>' + wParagraph(['第一行', '第二行']) + `<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>` + table + wParagraph(`${PARA} <b>&amp;</b>`);
    const r = await importDocx(await makeDocx(body));
    expect(r.text).toBe('\n\n' + ['各位代表：', '第一行', '第二行', '甲 乙', '指标', '数值', `${PARA} <b>&amp;</b>`].join('\n\n'));
    expect(r.warnings).toEqual([]);
  });

  it('refuses a zip without a Word document, and a damaged part', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect((await rejectionOf(importDocx(await zip.generateAsync({ type: 'uint8array' })))).code).toBe('corrupt-docx');
    const bad = new JSZip();
    const good = await JSZip.loadAsync(await makeDocx(wParagraph('各位代表')));
    for (const [name, f] of Object.entries(good.files)) if (!f.dir) bad.file(name, await f.async('string'));
    bad.file('word/document.xml', '<w:document><w:body><w:p>unclosed');
    expect((await rejectionOf(importDocx(await bad.generateAsync({ type: 'uint8array' })))).code).toBe('corrupt-docx');
  });

  it('calls a document without text empty', async () => {
    expect((await rejectionOf(importDocx(await makeDocx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>')))).code).toBe('file-empty');
  });

  it('refuses a zip bomb by the sizes in the zip directory', async () => {
    const bomb = await makeDocx(wParagraph(PARA).repeat(5_000)); // ~650 kB of XML, tiny compressed
    expect(bomb.length).toBeLessThan(30_000);
    const r = await rejectionOf(importDocx(bomb, { maxXmlBytes: 300_000 }));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/more than 300000 bytes of text parts/);
    expect((await rejectionOf(importDocx(bomb, { maxExpandedBytes: 300_000 }))).message).toMatch(/zip bomb/);
    expect((await importDocx(bomb, { maxXmlBytes: 2_000_000 })).text.length).toBeGreaterThan(5_000 * PARA.length);
  });

  it('refuses a zip bomb whose directory lies about the size, by counting while inflating', async () => {
    const bomb = lieAboutSize(await makeDocx(wParagraph(PARA).repeat(5_000)), 'word/document.xml', 1000);
    const r = await rejectionOf(importDocx(bomb, { maxXmlBytes: 300_000 }));
    expect(r.code).toBe('too-large');
    expect((await rejectionOf(importDocx(bomb, { maxExpandedBytes: 300_000 }))).message).toMatch(/zip bomb/);
  });

  it('counts every part whatever its name: a main part called .bin, an unread .dat part', async () => {
    const body = wParagraph(PARA).repeat(5_000); // ~650 kB
    const bin = await makeDocx(body, { mainPart: 'word/document.bin' });
    expect((await rejectionOf(importDocx(bin, { maxXmlBytes: 300_000 }))).code).toBe('too-large');
    expect((await importDocx(bin, { maxXmlBytes: 2_000_000 })).text.length).toBeGreaterThan(5_000 * PARA.length); // the .bin main part is read
    const lyingBin = lieAboutSize(bin, 'word/document.bin', 10);
    expect((await rejectionOf(importDocx(lyingBin, { maxXmlBytes: 300_000 }))).code).toBe('too-large');
    // a part nobody reads still counts towards the whole archive's limit (a zip bomb by any name)
    const dat = await makeDocx(wParagraph(PARA), { extra: { 'word/embeddings/blob.dat': 'x'.repeat(2_000_000), 'word/media/image1.png': 'y'.repeat(500_000) } });
    const r = await rejectionOf(importDocx(lieAboutSize(dat, 'word/embeddings/blob.dat', 10), { maxExpandedBytes: 1_000_000 }));
    expect([r.code, /zip bomb/.test(r.message)]).toEqual(['too-large', true]);
    // pictures are not text parts: a document with a large picture is read
    expect((await importDocx(await makeDocx(wParagraph(PARA), { extra: { 'word/media/image1.png': 'y'.repeat(500_000) } }), { maxXmlBytes: 300_000 })).text).toContain('一年来');
  });

  it('refuses a 99 MB-of-paragraphs docx (a few hundred kB on disk) as too large with the default limits', async () => {
    const para = wParagraph(PARA);
    const bomb = await makeDocx(para.repeat(Math.floor((99 * 1024 * 1024) / Buffer.byteLength(para)))); // just under the zip-bomb limit
    expect(bomb.length).toBeLessThan(1_000_000);
    const r = await rejectionOf(importDocx(bomb));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/text parts/); // refused by its size, before any conversion
  }, 60_000);
});
