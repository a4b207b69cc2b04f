/** Sets of BMP UTF-16 units as bitsets: a membership test is one array read (no Set, no string). */
export type UnitSet = Uint32Array;

export function unitSet(units: string | Iterable<number>): UnitSet {
  const bits = new Uint32Array(0x10000 >>> 5);
  const codes = typeof units === 'string' ? Array.from(units, (ch) => ch.charCodeAt(0)) : units;
  for (const c of codes) bits[c >>> 5] |= 1 << (c & 31);
  return bits;
}

/** c is in the set (false for NaN, as charCodeAt gives past the end). */
export function hasUnit(set: UnitSet, c: number): boolean {
  return c < 0x10000 && ((set[c >>> 5] >>> (c & 31)) & 1) === 1;
}
