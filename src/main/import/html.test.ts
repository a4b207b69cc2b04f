import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importHtml } from './html';
import { declaredHtmlCharset } from './html-charset';
import { htmlToParagraphs } from './html-text';
import { codeOf } from './test-fixtures';
import { warningText } from './warnings';

const paras = (html: string): string[] => htmlToParagraphs(html).paragraphs;

describe('htmlToParagraphs', () => {
  it('makes paragraphs from p, br, div, li and headings', () => {
    expect(paras('<h2>标题</h2><div>甲<div>乙</div>丙</div><p>丁<br>戊</p><ol><li>一<li>二</ol>尾')).toEqual(['标题', '甲', '乙', '丙', '丁', '戊', '一', '二', '尾']);
    expect(htmlToParagraphs('<p>甲</p><p>乙</p>').text).toBe('\n\n甲\n\n乙');
  });

  it('drops script, style, noscript, template, head, svg, nav and comments, whatever they contain', () => {
    const html = `<head><title>标题</title><meta charset=utf-8><style>body{}</style></head>
      <body><nav><a href=/>首页</a></nav><p>正文<script>if (a < b && c > d) document.write("</p><p>假")</script>继续</p>
      <script type="text/template"><p>模板</p></SCRIPT ><template><p>模板二</p></template><noscript><p>无脚本</p></noscript>
      <svg viewBox="0 0 1 1"><text>图</text></svg><svg/><p>后</p><!-- <p>注释</p> --><!--><p>末</p></body>`;
    expect(paras(html)).toEqual(['正文继续', '后', '末']);
  });

  it('keeps every piece of a page made of many one-character lines and lone "<" (the paragraph is built in pieces)', () => {
    const n = 60_000;
    expect(paras('会\n<'.repeat(n))).toEqual(['会 <'.repeat(n).trimEnd()]);
    expect(paras('<p>' + '中\n文\n'.repeat(n) + '</p>')).toEqual(['中文'.repeat(n)]);
    expect(paras('<\n'.repeat(n))).toEqual([Array.from({ length: n }, () => '<').join(' ')]);
  });

  it('decodes named and numeric entities once', () => {
    expect(paras('<p>&lt;p&gt; &amp;amp; &quot;&#39;&#x4E2D;&#22269;&ldquo;&hellip;&rdquo;&copy &nbsp;&unknown; &#x1F600;</p>')).toEqual(['<p> &amp; "\'中国“…”© &unknown; 😀']);
  });

  it('collapses whitespace, and drops a source line break between CJK characters', () => {
    expect(paras('<p>  各位\n    代表：\n hello\n  world  </p>')).toEqual(['各位代表： hello world']);
    expect(paras('<p>中<b>\n</b>文</p><p>中&nbsp;\n文</p><p>中 \n 文</p>')).toEqual(['中文', '中 文', '中文']);
    expect(paras('<p>\u3000\u3000首行缩进</p>')).toEqual(['首行缩进']);
  });

  it('keeps table rows as paragraphs with cells apart', () => {
    expect(paras('<table><tr><td>指标</td>\n<td>数值</td></tr><tr><th>GDP</th><td>5.2%</td></tr></table>')).toEqual(['指标 数值', 'GDP 5.2%']);
  });

  it('keeps lines of pre apart', () => {
    expect(paras('<pre>第一行\n  第二行\n\n第三行</pre>')).toEqual(['第一行', '第二行', '第三行']);
  });

  it('handles attributes with > and quotes, upper case and a head left open', () => {
    expect(paras('<HTML><HEAD><TITLE>T</TITLE><P CLASS="a>b" data-x=\'<p>\'>正文</P>')).toEqual(['正文']);
    expect(paras('<p title=a"b>x</p>< 1 <>2')).toEqual(['x', '< 1 <>2']);
  });

  it('is linear on deep nesting and huge input', () => {
    const depth = 200_000;
    const t0 = performance.now();
    expect(paras('<div><span>'.repeat(depth) + '正文' + '</span></div>'.repeat(depth))).toEqual(['正文']);
    expect(paras('<p>' + '<b>粗</b>'.repeat(100_000) + '</p>')[0].length).toBe(100_000);
    expect(htmlToParagraphs('<p>x</p><a title="' + 'x'.repeat(1_000_000)).unterminated).toBe('tag');
    expect(htmlToParagraphs('<p>x</p><!--' + '<!--'.repeat(200_000)).unterminated).toBe('comment');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('never lets markup through: tag-like text appears only when the page escaped it', () => {
    const out = htmlToParagraphs('<div><p>甲</p><style>.a{}</style><p>乙<img src=x onerror=alert(1)>丙</p><iframe src=x><p>框</p></iframe></div>').text;
    expect(out).toBe('\n\n甲\n\n乙丙');
  });
});

describe('importHtml: charset and errors', () => {
  it('reads the declared charset from meta', () => {
    expect(declaredHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'))).toBe('gb18030');
    expect(declaredHtmlCharset(Buffer.from('<meta charset="big5">'))).toBe('big5');
    expect(declaredHtmlCharset(Buffer.from('<?xml version="1.0" encoding="GBK"?><html>'))).toBe('gb18030');
    expect(declaredHtmlCharset(Buffer.from('<meta charset="iso-8859-1">'))).toBe('windows-1252');
    expect(declaredHtmlCharset(Buffer.from('<p>no meta</p>'))).toBeNull();
    const r = importHtml(iconv.encode('<meta charset="big5"><p>審議法規</p>', 'big5'));
    expect([r.encoding, r.text]).toEqual(['big5', '\n\n審議法規']);
  });

  it('detects when there is no declaration, and corrects a wrong one', () => {
    expect(importHtml(iconv.encode('<p>各位代表：请予审议。</p>', 'gbk')).encoding).toBe('gb18030');
    const mislabelledUtf8 = importHtml(Buffer.from('<meta charset="gb2312"><p>各位代表：请予审议。</p>', 'utf8'));
    expect([mislabelledUtf8.encoding, mislabelledUtf8.text]).toEqual(['utf-8', '\n\n各位代表：请予审议。']);
    expect(mislabelledUtf8.warnings.map(warningText).join()).toMatch(/declares gb18030 but is UTF-8/);
    const mislabelledGbk = importHtml(iconv.encode('<meta charset="utf-8"><p>各位代表：请予审议。</p>', 'gbk'));
    expect([mislabelledGbk.encoding, mislabelledGbk.text]).toEqual(['gb18030', '\n\n各位代表：请予审议。']);
    expect(importHtml(iconv.encode('<p>各位代表</p>', 'gbk'), 'gbk').text).toBe('\n\n各位代表');
  });

  it('reports a page whose text is swallowed by an unterminated construct as corrupt, an empty one as empty', () => {
    expect(codeOf(() => importHtml(Buffer.from('<html><body><!-- <p>正文</p>')))).toBe('corrupt-html');
    expect(codeOf(() => importHtml(Buffer.from('<html><body><script>var a = 1;<p>正文</p>')))).toBe('corrupt-html');
    expect(codeOf(() => importHtml(Buffer.from('<html><body><img src=x></body></html>')))).toBe('file-empty');
    const partial = importHtml(Buffer.from('<p>正文</p><!-- 未完'));
    expect(partial.text).toBe('\n\n正文');
    expect(partial.warnings.map(warningText).join()).toMatch(/unterminated comment/);
  });
});
