/**
 * Hardening of the browser-mode binding, beyond server.test.ts: it binds loopback even when
 * asked for 0.0.0.0, every response says Referrer-Policy: no-referrer (so the token in the page
 * URL never leaks in a Referer), the token never reaches the log, and the event stream needs
 * the token like everything else.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import type { Backend } from '../service/backend';
import type { Handlers } from '../service/dispatch';
import { type HttpServerOptions, type RunningServer, redact, startHttpServer } from './server';

const backend: Backend = {
  handlers: {
    appInfo: async () => ({ name: 'Report Annotator', version: '0', mode: 'browser', platform: 'linux' }),
    search: async () => {
      throw new Error('boom');
    },
  } as unknown as Handlers,
  onEvent: () => () => {},
  openWorkspace: async () => {},
  refreshed: async () => {},
  announce: () => {},
  close: async () => {},
};

let dir: string;
let server: RunningServer;
const logs: string[] = [];
const log = { error: (m: string, c?: Record<string, unknown>) => void logs.push(m + JSON.stringify(c ?? {})), info: (m: string, c?: Record<string, unknown>) => void logs.push(m + JSON.stringify(c ?? {})) };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ra-http-hardening-'));
  mkdirSync(join(dir, 'static', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'static', 'assets', 'a.js'), 'console.log(1)');
  // asked for every interface: the binding must still listen on loopback only
  const opts = { backend, staticDir: join(dir, 'static'), log, host: '0.0.0.0', hostname: '0.0.0.0', maxBody: 1024 } as HttpServerOptions;
  server = await startHttpServer(opts);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; firstChunkOnly?: boolean } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += String(d);
        if (opts.firstChunkOnly) {
          req.destroy();
          ok({ status: res.statusCode ?? 0, headers: res.headers, body });
        }
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', (e) => (opts.firstChunkOnly ? undefined : fail(e)));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const bearer = () => ({ authorization: `Bearer ${server.token}` });
const json = { 'content-type': 'application/json' };

describe('browser mode: loopback only', () => {
  it('binds 127.0.0.1 even when the options ask for 0.0.0.0', () => {
    const addr = server.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('cannot be reached on a non-loopback address of this machine', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4');
    if (!external) return; // a machine with loopback only: nothing to try
    const outcome = await new Promise<string>((ok) => {
      const s = connect(server.port, external.address);
      s.setTimeout(2000, () => (s.destroy(), ok('timeout')));
      s.on('connect', () => (s.destroy(), ok('connected')));
      s.on('error', (e: NodeJS.ErrnoException) => ok(e.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });
});

describe('browser mode: Referrer-Policy on every response', () => {
  it('says no-referrer on pages, assets, API answers, errors and the event stream', async () => {
    const cookie = `ra_token_${server.port}=${encodeURIComponent(server.token)}`;
    const cases: [string, Promise<Reply>, number][] = [
      ['page', raw(`/?token=${server.token}`), 200],
      ['asset', raw('/assets/a.js', { headers: { cookie } }), 200],
      ['api', raw('/api/appInfo', { method: 'POST', body: '{}', headers: { ...json, ...bearer() } }), 200],
      ['internal error', raw('/api/search', { method: 'POST', body: '{"query":"x"}', headers: { ...json, ...bearer() } }), 200],
      ['no token', raw('/api/appInfo', { method: 'POST', body: '{}', headers: json }), 401],
      ['foreign host', raw('/api/appInfo', { method: 'POST', body: '{}', headers: { ...json, ...bearer(), host: 'evil.example' } }), 403],
      ['foreign origin', raw('/api/appInfo', { method: 'POST', body: '{}', headers: { ...json, ...bearer(), origin: 'https://evil.example' } }), 403],
      ['not found', raw('/nope.js', { headers: { cookie } }), 404],
      ['wrong method', raw('/api/appInfo', { headers: bearer() }), 405],
      ['too large', raw('/api/appInfo', { method: 'POST', body: `{"x":"${'a'.repeat(4096)}"}`, headers: { ...json, ...bearer() } }), 413],
      ['not json', raw('/api/appInfo', { method: 'POST', body: 'a=1', headers: { 'content-type': 'text/plain', ...bearer() } }), 415],
      ['events', raw('/api/events', { headers: bearer(), firstChunkOnly: true }), 200],
    ];
    for (const [name, reply, status] of cases) {
      const r = await reply;
      expect(r.status, name).toBe(status);
      expect(r.headers['referrer-policy'], name).toBe('no-referrer');
      expect(r.headers['x-content-type-options'], name).toBe('nosniff');
      expect(r.headers['content-security-policy'], name).toContain("default-src 'self'");
    }
  });
});

describe('browser mode: the event stream needs the token', () => {
  it('refuses no token, a wrong token, a foreign Origin or Host; accepts bearer, cookie and the page-style query', async () => {
    expect((await raw('/api/events')).status).toBe(401);
    expect((await raw('/api/events', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await raw('/api/events?token=nope')).status).toBe(401);
    expect((await raw('/api/events', { headers: { cookie: `ra_token_${server.port}=nope` } })).status).toBe(401);
    // another server's cookie (cookies are per host, not port) is not this one's
    expect((await raw('/api/events', { headers: { cookie: `ra_token_1=${encodeURIComponent(server.token)}` } })).status).toBe(401);
    expect((await raw(`/api/events?token=${server.token.slice(0, -1)}`)).status).toBe(401);
    expect((await raw('/api/events', { headers: { ...bearer(), origin: 'https://evil.example' } })).status).toBe(403);
    expect((await raw('/api/events', { headers: { ...bearer(), host: 'evil.example' } })).status).toBe(403);
    const ok = [
      await raw('/api/events', { headers: bearer(), firstChunkOnly: true }),
      await raw('/api/events', { headers: { cookie: `ra_token_${server.port}=${encodeURIComponent(server.token)}` }, firstChunkOnly: true }),
      // a stale cookie of an earlier run beside the URL's token: the page still opens
      await raw(`/api/events?token=${server.token}`, { headers: { cookie: `ra_token_${server.port}=stale` }, firstChunkOnly: true }),
      await raw(`/api/events?token=${server.token}`, { firstChunkOnly: true }),
    ];
    for (const r of ok) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/event-stream/);
    }
  });
});

describe('browser mode: the token never reaches a log', () => {
  it('redacts the token from every form of URL', () => {
    const t = 'S3cr3tT0ken_-x';
    for (const url of [`/?token=${t}`, `/api/x?a=1&token=${t}&b=2`, `/?tok%65n=${t}`, `/?TOKEN=${t}`, `/?token=${t}#token=${t}`, `/?a=1&token=${t}&token=${t}`]) {
      expect(redact(url), url).not.toContain(t);
    }
    expect(redact('/?a=1&b=2')).toBe('/?a=1&b=2');
  });

  it('a request that fails mid-way is logged without the token', async () => {
    // an upload cut off in the middle makes the handler fail and log the URL
    await new Promise<void>((ok) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/appInfo?token=${server.token}&tok%65n=${server.token}`, method: 'POST', headers: { host: `127.0.0.1:${server.port}`, ...json, ...bearer(), 'content-length': '100' } });
      req.on('error', () => ok());
      req.write('{"a":');
      setTimeout(() => {
        req.destroy();
        ok();
      }, 50);
    });
    await new Promise((r) => setTimeout(r, 100));
    await raw('/api/search', { method: 'POST', body: '{"query":"x"}', headers: { ...json, ...bearer() } });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(server.token);
  });

  it('a method name that is not valid percent-encoding is a 400 bad-request, not a 500', async () => {
    for (const path of ['/api/%', '/api/%E4%B8', '/api/%zz']) {
      const r = await raw(path, { method: 'POST', body: '{}', headers: { ...json, ...bearer() } });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body), path).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('the app logger redacts tokens in messages and context', () => {
    const file = join(dir, 'app.log');
    const logger = createLogger(file, false);
    logger.error(`GET /?token=${server.token}`, { url: `/?a=1&token=${server.token}` });
    logger.info?.('ok', { referer: `http://127.0.0.1:1/?token=${server.token}` });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('token=<redacted>');
    expect(text).not.toContain(server.token);
  });
});
