/**
 * The renderer's Content Security Policy, in one place. Choices:
 * - script-src 'self' only: no inline script, no eval (zod's JIT probe falls back; the
 *   renderer should call `z.config({ jitless: true })` so the probe is not even reported).
 * - style-src also allows 'unsafe-inline': React and ECharts set inline styles and Vite's dev
 *   server injects <style> tags. Inline CSS cannot run script, and with img-src, font-src and
 *   connect-src limited to our own files it cannot send anything anywhere either.
 * - img-src/font-src allow data: and blob: for generated images (chart export) and fonts.
 * - object-src, frame-src, base-uri, form-action 'none': none of them is used.
 * - frame-ancestors is honoured only as a header; a <meta> policy leaves it out (Chromium
 *   warns about it otherwise).
 * The header is set by security.ts on http(s) responses (the dev server); pages loaded from
 * file:// get no headers, so the built index.html must carry RENDERER_CSP_META.
 */
import { loopbackHttpUrl } from './paths';

const BASE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['frame-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export interface CspOptions {
  /** the loopback dev server, in development only: allows its HMR socket and the React refresh preamble */
  devServerUrl?: string | null;
  /** the <meta> form, without the directives a meta policy ignores */
  meta?: boolean;
}

export function rendererCsp(options: CspOptions = {}): string {
  const dev = loopbackHttpUrl(options.devServerUrl ?? undefined);
  const parts: string[] = [];
  for (const [name, sources] of BASE) {
    if (options.meta && name === 'frame-ancestors') continue;
    const extra: string[] = [];
    if (dev && name === 'script-src') extra.push("'unsafe-inline'");
    if (dev && name === 'connect-src') extra.push(new URL(dev).origin.replace(/^http:/, 'ws:'));
    parts.push([name, ...sources, ...extra].join(' '));
  }
  return parts.join('; ');
}

/** The header policy of the packaged app. */
export const RENDERER_CSP = rendererCsp();
/** Paste into src/renderer/index.html: <meta http-equiv="Content-Security-Policy" content="…">. */
export const RENDERER_CSP_META = rendererCsp({ meta: true });
