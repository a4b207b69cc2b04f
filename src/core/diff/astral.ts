/**
 * Astral-safe encoding for diff-match-patch, which works on UTF-16 units and splits surrogate
 * pairs. Every astral character of the inputs is swapped for a BMP character that occurs in
 * none of them (private-use area first), so each code point is exactly one UTF-16 unit while
 * diffing; `decode` swaps them back. After encoding, UTF-16 indices equal code point indices.
 */
export interface AstralCodec {
  /** the inputs, encoded (one UTF-16 unit per code point) */
  encoded: string[];
  /** maps an encoded string back to the original characters */
  decode(s: string): string;
  /** true if no astral character was present (encode/decode are identities) */
  identity: boolean;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Yields BMP code units usable as stand-ins: private use area, then other non-surrogate BMP. */
function* standIns(): Generator<number> {
  for (let c = 0xe000; c <= 0xf8ff; c++) yield c;
  for (let c = 0x0100; c < 0xd800; c++) yield c;
  for (let c = 0xf900; c <= 0xfffd; c++) yield c;
}

export function encodeAstral(...inputs: string[]): AstralCodec {
  const astral = new Set<string>();
  const used = new Set<number>();
  for (const s of inputs) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isHigh(c) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
        astral.add(s.slice(i, i + 2));
        i++;
      } else {
        used.add(c);
      }
    }
  }
  if (astral.size === 0) return { encoded: inputs.slice(), decode: (s) => s, identity: true };
  const toStandIn = new Map<string, string>();
  const fromStandIn = new Map<number, string>();
  const gen = standIns();
  for (const ch of astral) {
    let next = gen.next();
    while (!next.done && used.has(next.value)) next = gen.next();
    if (next.done) throw new Error('too many distinct astral characters to encode');
    const unit = String.fromCharCode(next.value);
    toStandIn.set(ch, unit);
    fromStandIn.set(next.value, ch);
  }
  const encode = (s: string): string => {
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isHigh(c) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
        out += s.slice(from, i) + (toStandIn.get(s.slice(i, i + 2)) as string);
        i++;
        from = i + 1;
      }
    }
    return from === 0 ? s : out + s.slice(from);
  };
  const decode = (s: string): string => {
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const orig = fromStandIn.get(s.charCodeAt(i));
      if (orig !== undefined) {
        out += s.slice(from, i) + orig;
        from = i + 1;
      }
    }
    return from === 0 ? s : out + s.slice(from);
  };
  return { encoded: inputs.map(encode), decode, identity: false };
}
