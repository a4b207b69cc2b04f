/**
 * Polynomial rolling hashes of k-grams over code point arrays (two independent 32-bit hashes,
 * so a pair of them practically never collides).
 */
const B1 = 0x01000193;
const B2 = 0x5bd1e995 | 1;

function power(base: number, k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p = Math.imul(p, base);
  return p;
}

/**
 * Calls fn(pos, h1, h2) for every k-gram codes[pos, pos+k) with start ≤ pos ≤ end - k.
 */
export function forEachGram(codes: Int32Array, start: number, end: number, k: number, fn: (pos: number, h1: number, h2: number) => void): void {
  if (end - start < k) return;
  const p1 = power(B1, k);
  const p2 = power(B2, k);
  let h1 = 0;
  let h2 = 0;
  for (let i = start; i < start + k; i++) {
    h1 = (Math.imul(h1, B1) + codes[i]) | 0;
    h2 = (Math.imul(h2, B2) + codes[i]) | 0;
  }
  fn(start, h1, h2);
  for (let i = start + k; i < end; i++) {
    const out = codes[i - k];
    h1 = (Math.imul(h1, B1) + codes[i] - Math.imul(p1, out)) | 0;
    h2 = (Math.imul(h2, B2) + codes[i] - Math.imul(p2, out)) | 0;
    fn(i - k + 1, h1, h2);
  }
}

/** Both hashes of one k-gram. */
export function gramHash(codes: ArrayLike<number>, start: number, k: number): [number, number] {
  let h1 = 0;
  let h2 = 0;
  for (let i = start; i < start + k; i++) {
    h1 = (Math.imul(h1, B1) + codes[i]) | 0;
    h2 = (Math.imul(h2, B2) + codes[i]) | 0;
  }
  return [h1, h2];
}
