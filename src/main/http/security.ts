/** Request checks of the browser-mode HTTP binding: loopback Host/Origin and the run token. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const TOKEN_COOKIE = 'ra_token';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host must name this server on a loopback name (blocks DNS rebinding). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  return LOOPBACK_NAMES.has(m[1]) && Number(m[2] ?? 80) === port;
}

/** A browser-sent Origin, when present, must be this server's (blocks CSRF from other sites). */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK_NAMES.has(u.hostname) && Number(u.port || 80) === port;
  } catch {
    return false;
  }
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The cookie that keeps the token for assets and reloads. Cookies are per host, not per port:
 * named by the port, so a server started later (or another running) on 127.0.0.1 neither
 * reads nor overwrites this one's.
 */
export function tokenCookie(port: number): string {
  return `${TOKEN_COOKIE}_${port}`;
}

/**
 * The tokens a request offers: the Authorization header, this server's cookie, and (for page
 * loads and SSE) the query.
 */
export function tokensFromRequest(req: IncomingMessage, url: URL, port: number, allowQuery: boolean): string[] {
  const out: string[] = [];
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) out.push(auth.slice(7).trim());
  const cookie = req.headers.cookie;
  const name = tokenCookie(port);
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === name) {
        try {
          out.push(decodeURIComponent(v.join('=')));
        } catch {
          // a malformed cookie offers nothing
        }
      }
    }
  }
  const q = allowQuery ? url.searchParams.get('token') : null;
  if (q) out.push(q);
  return out;
}

/** Whether any token the request offers is this server's (a stale one beside it does no harm). */
export function tokenValid(req: IncomingMessage, url: URL, token: string, port: number, allowQuery: boolean): boolean {
  return tokensFromRequest(req, url, port, allowQuery).some((t) => sameToken(t, token));
}
