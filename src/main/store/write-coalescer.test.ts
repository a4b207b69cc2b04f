import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { WriteCoalescer } from './write-coalescer';

function harness(windowMs = 10, retryMs = 10_000) {
  let data = 0;
  const disk: number[] = [];
  let fail: AppError | null = null;
  const c = new WriteCoalescer({
    windowMs,
    retryMs,
    write: () => {
      const snapshot = data; // taken synchronously, like SafeJSONFile.write
      return new Promise<void>((resolve, reject) => setTimeout(() => (fail ? reject(fail) : (disk.push(snapshot), resolve())), 5));
    },
    onOutcome: () => undefined,
  });
  return {
    c, disk,
    change: () => { data += 1; return c.changed(); },
    failWith: (e: AppError | null) => { fail = e; },
  };
}

describe('WriteCoalescer', () => {
  it('each promise resolves only when a write including its change is done', async () => {
    const h = harness();
    const seen: number[] = [];
    const all = Array.from({ length: 50 }, (_, i) => h.change().then(() => seen.push(Math.max(...h.disk)) && i));
    await Promise.all(all);
    expect(h.c.writes).toBe(1);
    expect(h.disk).toEqual([50]);
    expect(seen.every((v) => v === 50)).toBe(true);
  });

  it('changes during a write go into the next one', async () => {
    const h = harness(0);
    const first = h.change();
    await new Promise((r) => setTimeout(r, 2)); // first write running
    const second = h.change();
    const third = h.change();
    await Promise.all([first, second, third]);
    expect(h.disk).toEqual([1, 3]);
    expect(h.c.pending).toBe(false);
  });

  it('a failed write rejects its changes, stays pending, and flush retries', async () => {
    const h = harness(0);
    h.failWith(new AppError('store-disk-full', 'full'));
    await expect(h.change()).rejects.toMatchObject({ code: 'store-disk-full' });
    expect(h.c.pending).toBe(true);
    expect(h.c.error?.code).toBe('store-disk-full');
    h.failWith(null);
    await h.c.flush();
    expect(h.disk).toEqual([1]);
    expect(h.c.error).toBeNull();
    h.c.dispose();
  });
});
