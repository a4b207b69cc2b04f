import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { type ServeHandle, startServe } from '../support/server';

// Issue "Hardening": report text is rendered as text. A workspace holds a .txt and an .html
// (and a file whose very name is markup) full of script, event handlers, javascript: links,
// iframes and remote resources. The report shows the text literally where it is text; nothing
// executes, no dialog opens, and no request leaves 127.0.0.1.

const PAYLOAD = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(2)">',
  '<a href="javascript:window.__pwned=1">点击这里</a>',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<img src="http://203.0.113.9/beacon.png">',
  '<svg onload="window.__pwned=1"><use href="http://203.0.113.9/x.svg#a"/></svg>',
  '<style>@import url(http://203.0.113.9/x.css); body{background:url(http://203.0.113.9/bg.png)}</style>',
  '<link rel="stylesheet" href="http://203.0.113.9/y.css">',
  '<meta http-equiv="refresh" content="0;url=http://203.0.113.9/">',
  '<form action="http://203.0.113.9/"><button formaction="javascript:window.__pwned=1">提交</button></form>',
  '<object data="http://203.0.113.9/o.swf"></object><embed src="http://203.0.113.9/e.swf">',
  '<details open ontoggle="window.__pwned=1">x</details>',
];

const TXT = ['', '', '全市地区生产总值增长5.2%，危险内容如下：', '', ...PAYLOAD.flatMap((p) => [p, '']), '{{constructor.constructor("window.__pwned=1")()}}', ''].join('\n');

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>恶意页面</title>
<script>window.__pwned=1</script><base href="http://203.0.113.9/">
</head><body>
<p>城镇新增就业3.2万人，这一段是正文。</p>
${PAYLOAD.join('\n')}
<p>实体转义：&lt;script&gt;window.__pwned=1&lt;/script&gt; 和 &lt;img src=x onerror=alert(3)&gt;</p>
<p onclick="window.__pwned=1" style="background:url(http://203.0.113.9/p.png)">粮食产量达到1.2亿斤。</p>
<a href="javascript:window.__pwned=1">伪链接文字</a>
</body></html>`;

const HOSTILE_NAME = '"><img src=x onerror=window.__pwned=1>.txt';

let dir: string;
let serve: ServeHandle;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ra-hostile-'));
  writeFileSync(join(dir, 'hostile.txt'), TXT);
  writeFileSync(join(dir, 'hostile.html'), HTML);
  writeFileSync(join(dir, HOSTILE_NAME), '\n\n文件名本身是标记。粮食产量增长2%。\n');
  serve = await startServe({ workspace: dir });
});

test.afterAll(async () => {
  await serve?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Watch {
  requests: string[];
  /** requests after the first page load that carry the token in their URL or Referer */
  leaks: string[];
  dialogs: string[];
  errors: string[];
}

function watch(page: Page): Watch {
  const w: Watch = { requests: [], leaks: [], dialogs: [], errors: [] };
  page.on('request', (r) => {
    const first = w.requests.length === 0; // page.goto(serve.url) itself carries ?token=
    w.requests.push(r.url());
    const referer = r.headers()['referer'] ?? '';
    if (referer.includes(serve.token) || (!first && r.url().includes(serve.token))) w.leaks.push(`${r.url()} (referer: ${referer || 'none'})`);
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  // every CSP violation the page reports (zod's `new Function` probe was one, on every load)
  void page.addInitScript(() => {
    const seen: string[] = ((window as { __cspViolations?: string[] }).__cspViolations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return w;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations ?? []);
}

async function expectUnharmed(page: Page, w: Watch): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(w.dialogs).toEqual([]);
  const foreign = w.requests.filter((u) => {
    const url = new URL(u);
    return !(url.protocol === 'data:' || url.protocol === 'blob:' || (url.protocol === 'http:' && url.hostname === '127.0.0.1'));
  });
  expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
  expect(w.leaks, 'the token in a later URL or a Referer').toEqual([]);
  // nothing active inside the report view
  const active = await page.getByTestId('report-view').locator('script, img, iframe, object, embed, svg use, link, meta, form, a[href^="javascript"], [onerror], [onload], [onclick], [ontoggle]').count();
  expect(active).toBe(0);
}

async function openDoc(page: Page, name: string): Promise<void> {
  await page.getByTestId('doc-list').getByTestId('doc-item').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('report-view').locator('p').first()).toBeVisible({ timeout: 20_000 });
}

test('hostile reports are shown as text and nothing in them runs or phones out', async ({ page }) => {
  test.setTimeout(90_000);
  const w = watch(page);
  await page.goto(serve.url);
  const items = page.getByTestId('doc-list').getByTestId('doc-item');
  await expect(items).toHaveCount(3, { timeout: 30_000 });
  // the file whose name is markup is listed by its name, as text
  await expect(page.getByTestId('doc-list')).toContainText(HOSTILE_NAME);

  // .txt: every payload appears literally, character for character
  await openDoc(page, 'hostile.txt');
  const view = page.getByTestId('report-view');
  await expect(view).toContainText('全市地区生产总值增长5.2%');
  const txtText = (await view.innerText()).replace(/\s+/g, ' ');
  for (const p of PAYLOAD) expect(txtText, p).toContain(p.replace(/\s+/g, ' '));
  expect(txtText).toContain('{{constructor.constructor("window.__pwned=1")()}}');
  // click and hover over the would-be link and image text
  await view.getByText('点击这里', { exact: false }).first().click();
  await view.getByText('onerror', { exact: false }).first().hover();
  await expectUnharmed(page, w);

  // .html: markup is dropped, text kept, escaped markup shown literally
  await openDoc(page, 'hostile.html');
  await expect(view).toContainText('城镇新增就业3.2万人');
  await expect(view).toContainText('粮食产量达到1.2亿斤');
  await expect(view).toContainText('伪链接文字');
  await expect(view).toContainText('<script>window.__pwned=1</script>');
  await expect(view).toContainText('<img src=x onerror=alert(3)>');
  await view.getByText('伪链接文字').first().click();
  await view.getByText('粮食产量达到1.2亿斤').first().click();
  await expectUnharmed(page, w);

  // the document named like markup
  await openDoc(page, 'onerror=window');
  await expect(view).toContainText('文件名本身是标记');
  await expect(page.getByTestId('report-title')).toContainText(HOSTILE_NAME);

  // search results quote the text too: the snippets are text as well
  await page.getByTestId('search-input').fill('onerror');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('search-hit').first()).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('search-results')).toContainText('onerror');
  await page.getByTestId('search-hit').first().hover();
  expect(await page.getByTestId('search-results').locator('img, script, iframe, [onerror]').count()).toBe(0);
  await expectUnharmed(page, w);

  // report text never triggers the CSP, and neither does the app itself (zod runs jitless)
  expect(await cspViolations(page), 'CSP violations').toEqual([]);
  await page.reload();
  await expect(items).toHaveCount(3, { timeout: 30_000 });
  await expectUnharmed(page, w);
  expect(await cspViolations(page), 'CSP violations after a reload').toEqual([]);
  expect(w.errors, 'page errors').toEqual([]);
});

test('the API returns the hostile text as data, never as markup with a browser content type', async ({ request }) => {
  const auth = { authorization: `Bearer ${serve.token}` };
  const ws = await request.post(`${serve.origin}/api/workspaceGet`, { data: {}, headers: auth });
  expect(ws.headers()['content-type']).toMatch(/^application\/json/);
  expect(ws.headers()['x-content-type-options']).toBe('nosniff');
  const docs = (await ws.json()).value.documents as { id: string; name: string }[];
  const txt = docs.find((d) => d.name === 'hostile.txt');
  expect(txt).toBeTruthy();
  const doc = await request.post(`${serve.origin}/api/documentGet`, { data: { id: txt!.id }, headers: auth });
  expect(doc.headers()['content-type']).toMatch(/^application\/json/);
  expect(doc.headers()['content-security-policy']).toContain("script-src 'self'");
  expect((await doc.json()).value.text).toContain(PAYLOAD[0]);
});
