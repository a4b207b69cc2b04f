/**
 * Open-addressing hash map from 32-bit keys to 32-bit values on typed arrays (a JS Map of
 * millions of entries costs ~50 bytes each; this costs ~9 at half load).
 */
export class IntMap {
  private keys: Int32Array;
  private values: Int32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  private static mix(k: number): number {
    let h = Math.imul(k ^ (k >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  /** value of key, or `missing` */
  get(key: number, missing = -1): number {
    let i = IntMap.mix(key) & this.mask;
    while (this.used[i]) {
      if (this.keys[i] === key) return this.values[i];
      i = (i + 1) & this.mask;
    }
    return missing;
  }

  /** stores value under key unless key is present; returns the value stored under key */
  setIfAbsent(key: number, value: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let i = IntMap.mix(key) & this.mask;
    while (this.used[i]) {
      if (this.keys[i] === key) return this.values[i];
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
    return value;
  }

  private grow(): void {
    const { keys, values, used } = this;
    const cap = keys.length * 2;
    this.keys = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < keys.length; j++) {
      if (!used[j]) continue;
      let i = IntMap.mix(keys[j]) & this.mask;
      while (this.used[i]) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.keys[i] = keys[j];
      this.values[i] = values[j];
    }
  }
}

/** A growable Int32 array. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}
