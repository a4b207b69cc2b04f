import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEventName } from '../../core/api';
import type { Backend } from '../service/backend';
import type { Handlers } from '../service/dispatch';
import { type RunningServer, startHttpServer } from './server';

// The binding is tested against a small in-memory backend: what matters here is what the
// binding lets through, not what the handlers do.
let emitEvent: (name: ApiEventName, payload: unknown) => void = () => {};
const backend: Backend = {
  handlers: {
    appInfo: async () => ({ name: 'Report Annotator', version: '9.9.9', mode: 'browser', platform: 'linux' }),
    search: async ({ query }: { query: string }) => [{ documentId: 'd', name: 'n', start: 0, end: query.length, before: '', match: query, after: '' }],
  } as unknown as Handlers,
  onEvent(l) {
    emitEvent = l;
    return () => {};
  },
  openWorkspace: async () => {},
  refreshed: async () => {},
  announce: () => {},
  close: async () => {},
};

let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ra-http-'));
  mkdirSync(join(dir, 'static', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'static', 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  server = await startHttpServer({ backend, staticDir: join(dir, 'static'), log: { error: (m, c) => logs.push(m + JSON.stringify(c ?? {})) } });
});
afterAll(async () => server.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers } });

describe('browser-mode HTTP binding', () => {
  it('binds loopback only and prints a URL with a long random token', () => {
    const addr = server.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);
  });

  it('answers an API call with the token', async () => {
    const r = await api('appInfo', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { name: 'Report Annotator', version: '9.9.9', mode: 'browser', platform: 'linux' } });
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await raw('/api/appInfo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    expect((await api('appInfo', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/assets/a.js')).status).toBe(401);
    expect((await raw('/api/events')).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403, even with the token', async () => {
    for (const host of ['evil.example:' + server.port, `127.0.0.1:${server.port + 1}`, 'attacker.127.0.0.1.nip.io', `127.0.0.1.evil.example:${server.port}`]) {
      const r = await api('appInfo', {}, { host });
      expect(r.status, host).toBe(403);
    }
    expect((await api('appInfo', {}, { host: `localhost:${server.port}` })).status).toBe(200);
    // HTTP/1.0 without a Host header
    const reply = await new Promise<string>((ok) => {
      const s = connect(server.port, '127.0.0.1', () => s.write(`POST /api/appInfo HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`));
      let buf = '';
      s.on('data', (d) => (buf += String(d)));
      s.on('end', () => ok(buf));
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it('refuses a foreign Origin (CSRF) with 403 and accepts its own', async () => {
    expect((await api('appInfo', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('accepts the token in the query only for the page, and then sets an HttpOnly SameSite cookie', async () => {
    const page = await raw(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // query token is not accepted for API calls
    expect((await raw(`/api/appInfo?token=${server.token}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    // the cookie authorises assets
    const asset = await raw('/assets/a.js', { headers: { cookie: cookie.split(';')[0] } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('does not serve files outside the renderer folder', async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const r = await raw(p, { headers: auth });
      expect(r.body, p).not.toContain('secret');
      expect(r.status, p).not.toBe(200);
    }
  });

  it('validates requests against the contract and never throws across', async () => {
    const bad = JSON.parse((await api('search', { query: 42 })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = await api('deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const notJson = await raw('/api/appInfo', { method: 'POST', body: '{', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
    expect(notJson.status).toBe(400);
    const form = await raw('/api/appInfo', { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${server.token}` } });
    expect(form.status).toBe(415);
    expect((await raw('/api/appInfo', { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });

  it('pushes events as server-sent events', async () => {
    const got = await new Promise<string>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let buf = '';
        res.on('data', (d) => {
          buf += String(d);
          if (buf.includes('connected') && !buf.includes('progress')) emitEvent('progress', { taskId: 't', label: 'import', done: 1, total: 2, current: 'a.txt', finished: false });
          if (buf.includes('event: progress')) {
            req.destroy();
            ok(buf);
          }
        });
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : fail(e)));
      req.end();
    });
    expect(got).toContain('"current":"a.txt"');
  });

  it('never writes the token to its log', () => {
    expect(logs.join('\n')).not.toContain(server.token);
  });
});

describe('closing the server', () => {
  it('finishes although a request is still in flight (a slow upload, an event stream just reconnected)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-http-close-'));
    mkdirSync(join(dir, 'static'), { recursive: true });
    const s = await startHttpServer({ backend, staticDir: join(dir, 'static'), log: { error: () => {} } });
    // a request whose body never finishes: the connection stays active
    const req = httpRequest({ host: '127.0.0.1', port: s.port, path: '/api/appInfo', method: 'POST', headers: { host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'content-length': '100' } });
    req.on('error', () => {});
    req.write('{"a":');
    await new Promise((ok) => setTimeout(ok, 100));
    const closed = await Promise.race([s.close().then(() => 'closed'), new Promise((ok) => setTimeout(() => ok('still open'), 5000))]);
    expect(closed).toBe('closed'); // before: server.close waited for the request forever
    req.destroy();
  });
});
