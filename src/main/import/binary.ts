/** How much of the file is inspected for binary content. */
const SAMPLE = 64 * 1024;

/**
 * True if the bytes look like a binary file rather than text in a byte-oriented encoding
 * (UTF-8, GB18030, Big5…): a NUL byte, or more than 1% C0 control characters other than
 * tab, line feed, vertical tab, form feed, carriage return and escape. Checks the start,
 * middle and end of large files. Not meant for UTF-16/32, which contain NUL bytes.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (n <= 3 * SAMPLE) return binarySample(bytes);
  const mid = Math.floor(n / 2);
  return binarySample(bytes.subarray(0, SAMPLE)) || binarySample(bytes.subarray(mid, mid + SAMPLE)) || binarySample(bytes.subarray(n - SAMPLE));
}

function binarySample(s: Uint8Array): boolean {
  if (s.indexOf(0) >= 0) return true;
  let control = 0;
  for (let i = 0; i < s.length; i++) {
    const b = s[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > 0 && control * 100 > s.length;
}

/**
 * UTF-16 without a byte order mark, recognised by the NUL bytes of ASCII characters all
 * falling on one side of each code unit. Returns the encoding or null.
 */
export function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const units = n / 2;
  if (zeroOdd > units * 0.3 && zeroEven < units * 0.02) return 'utf-16le';
  if (zeroEven > units * 0.3 && zeroOdd < units * 0.02) return 'utf-16be';
  return null;
}
