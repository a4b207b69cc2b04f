/**
 * The HTTP binding of the API contract for browser mode: POST /api/<method> with the request as
 * JSON, server-sent events at GET /api/events, and the built renderer as static files. Binds
 * loopback only; every request needs the per-run token; Host and Origin must be loopback.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { API_EVENTS, type ApiEventName } from '../../core/api';
import { redact } from '../redact';
import type { Backend } from '../service/backend';
import { dispatch, type Logger } from '../service/dispatch';
import { CSP, hostAllowed, originAllowed, tokenCookie, tokenValid } from './security';

export interface HttpServerOptions {
  backend: Backend;
  staticDir: string;
  port?: number;
  token?: string;
  log: Logger;
  /** largest request body accepted, in bytes */
  maxBody?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export const HOST = '127.0.0.1';

/** How long answers in flight may take to finish when the server closes. */
const CLOSE_GRACE_MS = 1000;

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let closing = false;
  const maxBody = opts.maxBody ?? 128 * 1024 * 1024;
  const staticRoot = resolve(opts.staticDir);
  const sse = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = opts.backend.onEvent((name: ApiEventName, payload: unknown) => {
    if (!API_EVENTS.includes(name)) return;
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sse) res.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      opts.log.error('http handler failed', { url: redact(req.url), error: String(e) });
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    if (closing) {
      res.setHeader('Connection', 'close');
      send(res, 503, { ok: false, error: { code: 'internal', message: 'the app is closing' } });
      return;
    }
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin as string | undefined, port)) {
      send(res, 403, { ok: false, error: { code: 'forbidden', message: 'forbidden host or origin' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const isApi = url.pathname.startsWith('/api/');
    const isPage = !isApi && (url.pathname === '/' || url.pathname === '/index.html');
    if (!tokenValid(req, url, token, port, isPage || url.pathname === '/api/events')) {
      send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token: open the URL printed by `npm run serve`' } });
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(res);
    if (isApi) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        send(res, 405, { ok: false, error: { code: 'bad-request', message: 'use POST' } });
        return;
      }
      const ct = req.headers['content-type'] ?? '';
      if (!ct.startsWith('application/json')) {
        send(res, 415, { ok: false, error: { code: 'bad-request', message: 'content-type must be application/json' } });
        return;
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        send(res, 413, { ok: false, error: { code: 'bad-request', message: 'request too large' } });
        return;
      }
      let request: unknown;
      try {
        request = body.length ? JSON.parse(body) : {};
      } catch {
        send(res, 400, { ok: false, error: { code: 'bad-request', message: 'request body is not JSON' } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        send(res, 400, { ok: false, error: { code: 'bad-request', message: 'the method name is not valid percent-encoding' } });
        return;
      }
      const result = await dispatch(opts.backend.handlers, method, request, opts.log);
      send(res, result.ok ? 200 : result.error.code === 'unknown-method' ? 404 : 200, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { ok: false, error: { code: 'bad-request', message: 'method not allowed' } });
      return;
    }
    if (isPage) {
      // The page was opened with ?token=…: keep it in a same-site cookie for assets and reloads.
      res.setHeader('Set-Cookie', `${tokenCookie(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`);
    }
    await serveStatic(url.pathname === '/' ? '/index.html' : url.pathname, res);
  }

  function openEvents(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sse.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    res.on('close', () => {
      clearInterval(ping);
      sse.delete(res);
    });
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    } catch {
      send(res, 400, { ok: false, error: { code: 'bad-request', message: 'bad path' } });
      return;
    }
    const file = resolve(join(staticRoot, rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      send(res, 404, { ok: false, error: { code: 'file-not-found', message: 'not found' } });
      return;
    }
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': st.size });
      createReadStream(file).pipe(res);
    } catch {
      send(res, 404, { ok: false, error: { code: 'file-not-found', message: 'not found' } });
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', fail);
      ok();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      // Refuse what arrives from now on (a page's event stream reconnects at once and would
      // keep the server open), end the event streams, close idle connections now and the
      // rest after a grace period for answers in flight.
      closing = true;
      unsubscribe();
      for (const res of sse) res.end();
      sse.clear();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(grace);
    },
  };
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        return;
      }
      if (!over) chunks.push(c);
    });
    req.on('end', () => ok(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

export { redact };
