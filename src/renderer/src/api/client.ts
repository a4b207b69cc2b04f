/**
 * The renderer's API client: window.api (the Electron preload bridge) when present, otherwise
 * the HTTP binding of browser mode. Both are ApiBridge; the typed client is derived from the
 * contract by a loop (createApiClient).
 */
import { z } from 'zod';
import { API_EVENTS, type ApiBridge, type ApiClient, type Result, createApiClient } from '../../../core/api';
import type { FetchAnswer, FetchRequest } from './fetch-worker';

declare global {
  interface Window {
    api?: ApiBridge;
  }
}

// zod would probe `new Function` to decide whether to compile validators; the CSP forbids eval.
// main.tsx imports ../zod-config first, before any schema is built; this is for other entries.
z.config({ jitless: true });

const TOKEN_KEY = 'report-annotator.token';

/** Takes the per-run token from the URL once, keeps it for reloads, and removes it from the URL. */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

/** Calls whose answers are large: fetched and parsed in a worker (see fetch-worker.ts). */
const OFF_THREAD: ReadonlySet<string> = new Set(['documentView', 'documentFindings']);

/** The fetch worker, made on first use; null where workers cannot run (tests, a stricter page). */
let fetchWorker: { call(url: string, token: string | null, body: string): Promise<unknown> } | null | undefined;

function offThread(): typeof fetchWorker {
  if (fetchWorker !== undefined) return fetchWorker;
  fetchWorker = null;
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || window.location.protocol.startsWith('file')) return null;
  try {
    const worker = new Worker(new URL('./fetch-worker.ts', import.meta.url), { type: 'module' });
    const waiting = new Map<number, (v: unknown) => void>();
    let seq = 0;
    worker.onmessage = (e: MessageEvent<FetchAnswer>) => {
      waiting.get(e.data.seq)?.(e.data.result);
      waiting.delete(e.data.seq);
    };
    // a worker that cannot start (or fails): the calls waiting on it, and all later ones, go on this thread
    worker.onerror = () => {
      fetchWorker = null;
      for (const done of waiting.values()) done(null);
      waiting.clear();
    };
    fetchWorker = {
      call: (url, token, body) =>
        new Promise((ok) => {
          const n = ++seq;
          waiting.set(n, ok);
          worker.postMessage({ seq: n, url: new URL(url, window.location.href).href, token, body } satisfies FetchRequest);
        }),
    };
  } catch {
    fetchWorker = null;
  }
  return fetchWorker;
}

export function httpBridge(token: string | null, base = ''): ApiBridge {
  // the worker is started with the app, not when the first long report is opened
  offThread();
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;
  const ensureSource = (): void => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/api/events`, { withCredentials: true });
    // team: every event of the contract (a new one, like the team's, needs no edit here)
    for (const name of API_EVENTS) {
      source.addEventListener(name, (ev) => {
        const payload = JSON.parse((ev as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };
  return {
    async invoke(method, request) {
      const worker = OFF_THREAD.has(method) ? offThread() : null;
      if (worker) {
        const answer = await worker.call(`${base}/api/${method}`, token, JSON.stringify(request ?? {}));
        if (answer !== null) return answer as Result<never>;
      }
      let res: Response;
      try {
        res = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The app service is not reachable. Is `npm run serve` still running?' } };
      }
      try {
        return (await res.json()) as Result<never>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
      }
    },
    on(event, listener) {
      ensureSource();
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}

let client: ApiClient | null = null;

export function getClient(): ApiClient {
  if (!client) client = createApiClient(window.api ?? httpBridge(takeToken()));
  return client;
}

/** For tests: use a given bridge. */
export function setClientForTests(bridge: ApiBridge): void {
  client = createApiClient(bridge);
}
