import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../core/text';
import { SUPPORTED_EXTENSIONS, importFile, type ImportedText } from './index';
import { CORPUS, makeDocx, makePdf, rejectionCode, TempDir, wParagraph } from './test-fixtures';
import { warningText } from './warnings';

const CHANGZHI = join(CORPUS, 'changzhi-city-2024.txt');
const corpusText = readFileSync(CHANGZHI, 'utf8');
const corpusParas = splitParagraphs(corpusText).map((p) => p.text);
const TRADITIONAL = '召開常委會會議9次、審議法規3件，聽取和審議專項工作報告16項，作出決議決定10項，依法任免國家機關工作人員43人（次）。';

let dir: TempDir;
beforeAll(() => {
  dir = new TempDir();
});
afterAll(() => dir.remove());

describe('importFile: the corpus', () => {
  it('returns a corpus file exactly as read as UTF-8, so gold offsets match', async () => {
    const r = await importFile(CHANGZHI);
    expect(r.text).toBe(corpusText);
    expect(r.text.startsWith('\n\n')).toBe(true);
    expect(r.format).toBe('txt');
    expect(r.encoding).toBe('utf-8');
    expect(r.warnings).toEqual([]);
    const bytes = readFileSync(CHANGZHI);
    expect(r.size).toBe(bytes.length);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.mtimeMs).toBe(statSync(CHANGZHI).mtimeMs);
  });

  it('reads every corpus file identically', async () => {
    for (const name of ['jiangxian-county-2024.txt', 'luzhou-district-2025.txt', 'lvliang-city-2024-newspaper.txt', 'taiyuan-city-2024.txt']) {
      const p = join(CORPUS, name);
      expect((await importFile(p)).text).toBe(readFileSync(p, 'utf8'));
    }
  });
});

describe('importFile: plain text encodings', () => {
  const sample = corpusText.slice(0, 3000);

  it.each([
    ['utf-8 without BOM', Buffer.from(sample, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), 'utf-8'],
    ['utf-16le with BOM', iconv.encode(sample, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['utf-16be with BOM', iconv.encode(sample, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['GBK', iconv.encode(sample, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(sample + '𠀀', 'gb18030'), 'gb18030'],
  ])('%s', async (name, bytes, encoding) => {
    const p = dir.file(`${name.replace(/\W+/g, '-')}.txt`, bytes);
    const r = await importFile(p);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(name === 'GB18030' ? sample + '𠀀' : sample);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.warnings).toEqual([]);
  });

  it('detects Big5 (Traditional Chinese)', async () => {
    const text = `\n\n${TRADITIONAL}\n\n各位代表：\n\n報告工作，請予審議。`;
    const r = await importFile(dir.file('big5.txt', iconv.encode(text, 'big5')));
    expect(r.encoding).toBe('big5');
    expect(r.text).toBe(text);
  });

  it('detects short GBK and Big5 texts', async () => {
    const gbk = await importFile(dir.file('short-gbk.txt', iconv.encode('各位代表：', 'gbk')));
    expect([gbk.encoding, gbk.text]).toEqual(['gb18030', '各位代表：']);
    const big5 = await importFile(dir.file('short-big5.txt', iconv.encode('審議法規', 'big5')));
    expect([big5.encoding, big5.text]).toEqual(['big5', '審議法規']);
  });

  it('normalises CRLF and CR line ends to LF and keeps everything else', async () => {
    const crlf = sample.replace(/\n/g, '\r\n');
    const r = await importFile(dir.file('crlf.txt', iconv.encode(crlf, 'gbk')));
    expect(r.text).toBe(sample);
    const cr = await importFile(dir.file('cr.md', Buffer.from('# 标题\r正文  \r\r第二段\t！', 'utf8')));
    expect(cr.text).toBe('# 标题\n正文  \n\n第二段\t！');
    expect(cr.format).toBe('md');
  });

  it('re-decodes with an encoding override', async () => {
    const p = dir.file('override.txt', iconv.encode('审议法规', 'gbk'));
    expect((await importFile(p)).text).toBe('审议法规');
    const forced = await importFile(p, { encoding: 'big5' });
    expect(forced.encoding).toBe('big5');
    expect(forced.text).not.toBe('审议法规');
    expect((await importFile(p, { encoding: 'GB2312' })).text).toBe('审议法规');
    expect(await rejectionCode(importFile(p, { encoding: 'klingon-8' }))).toBe('unknown-encoding');
  });

  it('warns when bytes could not be decoded', async () => {
    const bytes = Buffer.concat([Buffer.from(sample.slice(0, 200), 'utf8'), Buffer.from([0xff]), Buffer.from('结束', 'utf8')]);
    const r = await importFile(dir.file('damaged.txt', bytes));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(sample.slice(0, 200) + '\ufffd结束');
    expect(r.warnings.map(warningText).join(' ')).toMatch(/1 byte sequence/);
  });
});

describe('importFile: docx', () => {
  it('keeps the paragraphs of a real .docx, in the corpus shape', async () => {
    const paras = corpusParas.slice(0, 6);
    const bytes = await makeDocx(paras.map((p) => wParagraph(p)).join('') + '<w:p/>' + wParagraph(['第一行', '第二行']));
    const r = await importFile(dir.file('report.docx', bytes));
    expect(r.format).toBe('docx');
    expect(r.encoding).toBeNull();
    expect(r.text).toBe('\n\n' + [...paras, '第一行', '第二行'].join('\n\n'));
    expect(r.text).not.toMatch(/[<>]/);
  });

  it('refuses a corrupt .docx', async () => {
    const good = await makeDocx(wParagraph('各位代表：'));
    expect(await rejectionCode(importFile(dir.file('truncated.docx', good.subarray(0, good.length - 40))))).toBe('corrupt-docx');
    expect(await rejectionCode(importFile(dir.file('text.docx', '这不是一个 Word 文件')))).toBe('corrupt-docx');
  });
});

describe('importFile: html', () => {
  it('extracts article text from a page with scripts, styles, entities and nested divs', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="gbk"><title>长治市人大常委会工作报告</title>
<style>p { color: red } .x::before { content: "<p>不是正文</p>" }</style><script>var s = "<div>脚本</div>";</script></head>
<body><div class="wrap"><div><div><h1>长治市人民代表大会常务委员会工作报告</h1>
<p>各位代表：</p><script>document.write('<p>注入</p>')</script>
<p>一年来，召开常委会会议9次，制定、修改地方性法规3件&mdash;&mdash;成效&ldquo;显著&rdquo;&#xFF01;&#65281;</p>
<!-- <p>注释</p> --><noscript>请启用脚本</noscript>
<ul><li>第一项</li><li>第二项 &amp; 其他</li></ul>第三段<br>第四段</div></div></div></body></html>`;
    const r = await importFile(dir.file('page.html', iconv.encode(html, 'gbk')));
    expect(r.format).toBe('html');
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(
      '\n\n' +
        ['长治市人民代表大会常务委员会工作报告', '各位代表：', '一年来，召开常委会会议9次，制定、修改地方性法规3件——成效“显著”！！', '第一项', '第二项 & 其他', '第三段', '第四段'].join('\n\n'),
    );
    for (const bad of ['脚本', '注入', '注释', '不是正文', '请启用脚本', 'color', '<', '>', 'document.write']) expect(r.text).not.toContain(bad);
  });
});

describe('importFile: pdf', () => {
  it('re-joins wrapped paragraphs (also across pages) and drops running heads and page numbers', async () => {
    const longs = corpusParas.filter((p) => p.length > 250).slice(0, 8);
    const blocks = [{ heading: '过去一年的主要工作' }, ...longs.slice(0, 4).map((paragraph) => ({ paragraph })), { heading: '一、感悟思想伟力' }, ...longs.slice(4).map((paragraph) => ({ paragraph }))];
    const bytes = await makePdf({ blocks, header: '长治市人大常委会工作报告', pageNumbers: true });
    expect((bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const r = await importFile(dir.file('report.pdf', bytes));
    expect(r.format).toBe('pdf');
    expect(r.encoding).toBeNull();
    expect(r.text).toBe('\n\n' + ['过去一年的主要工作', ...longs.slice(0, 4), '一、感悟思想伟力', ...longs.slice(4)].join('\n\n'));
    expect(r.text).not.toContain('长治市人大常委会工作报告');
    expect(r.text).not.toMatch(/- \d+ -/);
  });
});

describe('importFile: errors', () => {
  it('missing path → file-not-found', async () => {
    expect(await rejectionCode(importFile(join(dir.path, 'nope.txt')))).toBe('file-not-found');
    expect(await rejectionCode(importFile(join(dir.path, 'no-dir', 'nope.pdf')))).toBe('file-not-found');
  });

  it('empty file → file-empty', async () => {
    expect(await rejectionCode(importFile(dir.file('empty.txt', '')))).toBe('file-empty');
    expect(await rejectionCode(importFile(dir.file('empty.pdf', '')))).toBe('file-empty');
  });

  it('too large → file-too-large, checked before reading', async () => {
    const p = dir.file('big.txt', '各位代表'.repeat(100));
    expect(await rejectionCode(importFile(p, { maxBytes: 100 }))).toBe('file-too-large');
    expect((await importFile(p, { maxBytes: 1200 })).text).toBe('各位代表'.repeat(100));
  });

  it('binary bytes → binary-file', async () => {
    const bin = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + (i >> 3)) & 0xff));
    expect(await rejectionCode(importFile(dir.file('random.txt', bin)))).toBe('binary-file');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR')]);
    expect(await rejectionCode(importFile(dir.file('image.md', png)))).toBe('binary-file');
    expect(await rejectionCode(importFile(dir.file('image.html', png)))).toBe('binary-file');
  });

  it('unknown extension → unsupported-format', async () => {
    expect(await rejectionCode(importFile(dir.file('report.doc', 'x')))).toBe('unsupported-format');
    expect(await rejectionCode(importFile(dir.file('noext', 'x')))).toBe('unsupported-format');
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['txt', 'md', 'docx', 'html', 'htm', 'pdf']));
  });

  it('a directory or an unreadable file → file-unreadable', async () => {
    const sub = join(dir.path, 'folder.txt');
    mkdirSync(sub);
    expect(await rejectionCode(importFile(sub))).toBe('file-unreadable');
    if (process.getuid?.() !== 0) {
      const p = dir.file('locked.txt', '各位代表');
      chmodSync(p, 0o000);
      expect(await rejectionCode(importFile(p))).toBe('file-unreadable');
      chmodSync(p, 0o644);
    }
  });

  it('never modifies the file', async () => {
    const bytes = iconv.encode('各位代表：\r\n报告', 'gbk');
    const p = dir.file('untouched.txt', bytes);
    const before = statSync(p);
    const r: ImportedText = await importFile(p);
    expect(r.text).toBe('各位代表：\n报告');
    expect(readFileSync(p).equals(bytes)).toBe(true);
    expect(statSync(p).mtimeMs).toBe(before.mtimeMs);
  });
});
