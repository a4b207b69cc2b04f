import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_META, rendererCsp } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name, sources];
  }));
}

describe('renderer CSP', () => {
  it('scripts only from the app, never eval or inline', () => {
    const d = directives(RENDERER_CSP);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).not.toContain('wasm-unsafe-eval');
  });

  it('locks down plugins, frames, base, forms and framing', () => {
    const d = directives(RENDERER_CSP);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(d.get(name)).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('allows nothing remote', () => {
    expect(RENDERER_CSP).not.toMatch(/https?:|\*/);
  });

  it('the meta form leaves out frame-ancestors (ignored in <meta>) and is otherwise equal', () => {
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
    expect(directives(RENDERER_CSP_META).get('script-src')).toEqual(["'self'"]);
    expect(RENDERER_CSP.replace("; frame-ancestors 'none'", '')).toBe(RENDERER_CSP_META);
  });

  it('in development allows the loopback dev server socket and React refresh preamble, still no eval', () => {
    const dev = directives(rendererCsp({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect([...dev.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('ignores a dev server that is not loopback http', () => {
    expect(rendererCsp({ devServerUrl: 'https://evil.example/' })).toBe(RENDERER_CSP);
    expect(rendererCsp({ devServerUrl: 'http://192.168.1.5:5173/' })).toBe(RENDERER_CSP);
  });
});
