/**
 * zod probes `new Function` when it builds an object schema unless jitless is set first; under
 * the app's CSP that probe is reported as a violation on every load. The renderer entry imports
 * ./zod-config before anything that builds a schema: then no Function is ever constructed.
 */
import { describe, expect, it } from 'vitest';
import mainSource from './main.tsx?raw';

describe('zod in the renderer', () => {
  it('main.tsx imports ./zod-config before anything else', () => {
    const imports = [...mainSource.matchAll(/^import\s.*?['"]([^'"]+)['"];?$/gm)].map((m) => m[1]);
    expect(imports[0]).toBe('./zod-config');
  });

  it('with zod-config loaded first, building and using the API contract constructs no Function', async () => {
    const Real = globalThis.Function;
    let constructed = 0;
    globalThis.Function = new Proxy(Real, {
      construct(target, args, newTarget) {
        constructed++;
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, self, args) {
        constructed++;
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    try {
      await import('./zod-config');
      const { api } = await import('../../core/api');
      expect(api.taxonomySet.request.safeParse({ tags: [{ id: 'a', name: 'A', color: '#123', hotkey: null }] }).success).toBe(true);
      expect(api.search.request.safeParse({ query: 'x' }).success).toBe(true);
    } finally {
      globalThis.Function = Real;
    }
    expect(constructed).toBe(0);
  });
});
