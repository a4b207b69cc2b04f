/**
 * Browser mode: a call whose answer is large (a long report's view, its findings) is fetched
 * and parsed here, off the window's thread. The window gets the parsed answer as a structured
 * clone — a long text is copied, not decoded from UTF-8 and parsed again — so the report's
 * window is not held for the ~100+ ms that decoding and parsing megabytes of JSON take.
 */
export interface FetchRequest {
  seq: number;
  url: string;
  token: string | null;
  body: string;
}

export interface FetchAnswer {
  seq: number;
  result: unknown;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<FetchRequest>) => void) | null; postMessage(m: FetchAnswer): void };

scope.onmessage = (e) => {
  const { seq, url, token, body } = e.data;
  void (async () => {
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body, credentials: 'same-origin' });
    } catch {
      scope.postMessage({ seq, result: { ok: false, error: { code: 'internal', message: 'The app service is not reachable. Is `npm run serve` still running?' } } });
      return;
    }
    let result: unknown;
    try {
      result = await res.json();
    } catch {
      result = { ok: false, error: { code: 'internal', message: `HTTP ${res.status}` } };
    }
    scope.postMessage({ seq, result });
  })();
};
