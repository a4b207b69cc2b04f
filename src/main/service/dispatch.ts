/**
 * The one place where a request crosses into the backend: look up the method in the contract,
 * parse the request with its schema, run the handler, and answer {ok, value} or
 * {ok: false, error: {code, message}}. Never throws.
 */
import { z } from 'zod';
import { API_METHODS, RESERVED_KEYS, api, type ApiMethod, type ApiRequest, type ApiResponse, type Result } from '../../core/api';
import { type ErrorCode, isAppError } from '../../core/errors';

export type Handlers = { [M in ApiMethod]: (request: z.output<(typeof api)[M]['request']>) => Promise<ApiResponse<M>> };

export interface Logger {
  error(message: string, context?: Record<string, unknown>): void;
  info?(message: string, context?: Record<string, unknown>): void;
}

const KNOWN = new Set<string>(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && KNOWN.has(name);
}

export async function dispatch(handlers: Handlers, method: unknown, rawRequest: unknown, log?: Logger): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown-method', message: `unknown method ${String(method).slice(0, 100)}` } };
  const reserved = reservedKeyIn(rawRequest);
  if (reserved !== null) return { ok: false, error: { code: 'bad-request', message: `${method}: "${reserved}" cannot be used as a name (a reserved word)` } };
  const parsed = api[method].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: `${method}: ${z.prettifyError(parsed.error).slice(0, 500)}` } };
  }
  try {
    const handler = handlers[method] as (r: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorShape(e, method, log) };
  }
}

/**
 * The first reserved name (RESERVED_KEYS) used as a key anywhere in a request, or null. JSON
 * and structured clones carry "__proto__" as an own key, but the schemas' records drop it:
 * without this check such a key would be acknowledged and silently not stored.
 */
export function reservedKeyIn(value: unknown): string | null {
  const stack: unknown[] = [value];
  let budget = 1_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    for (const k of Object.keys(v)) {
      if (RESERVED_KEYS.has(k)) return k;
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === 'object') stack.push(x);
    }
  }
  return null;
}

export function toErrorShape(e: unknown, method: string, log?: Logger): { code: ErrorCode; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message };
  const code = (e as { code?: unknown })?.code;
  if (code === 'finding-not-found' || code === 'bad-request') return { code, message: (e as Error).message };
  // a path with a NUL character reaching the file system (every path should be checked before)
  if (code === 'ERR_INVALID_ARG_VALUE' && /null bytes/i.test(String((e as Error).message))) return { code: 'path-invalid', message: 'The path contains a NUL character.' };
  log?.error(`unexpected error in ${method}`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return { code: 'internal', message: 'An unexpected error occurred; details are in the log.' };
}

/** Typed local call (tests, CLI): throws nothing, returns the Result. */
export function call<M extends ApiMethod>(handlers: Handlers, method: M, request: ApiRequest<M>): Promise<Result<ApiResponse<M>>> {
  return dispatch(handlers, method, request) as Promise<Result<ApiResponse<M>>>;
}
