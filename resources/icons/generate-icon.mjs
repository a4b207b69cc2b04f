#!/usr/bin/env node
// Draws the app icon (a report page with one highlighted line on a red tile) and writes it as
// a 512x512 RGBA PNG with node's zlib, 4x4 supersampled. Run: node resources/icons/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SS = 4;

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const FOLD = 64;
const PAGE = [150, 92, 362, 420];
// u, v: position inside the page's top-right FOLD x FOLD corner square
const corner = (x, y) => [x - (PAGE[2] - FOLD), y - PAGE[1]];
// the page without the triangle above the corner's diagonal, and the flap folded over below it
const page = (x, y) => rect(...PAGE)(x, y) && corner(x, y)[0] <= corner(x, y)[1];
const fold = (x, y) => {
  const [u, v] = corner(x, y);
  return u >= 0 && u <= v && v <= FOLD;
};

const lines = [
  [186, 160, 300],
  [186, 200, 326],
  [186, 240, 326],
  [186, 284, 316], // the highlighted one
  [186, 328, 326],
  [186, 368, 270],
];
const shapes = [
  [roundRect(24, 24, 488, 488, 96), [183, 28, 28, 255]], // red tile
  [page, [255, 255, 255, 255]],
  [fold, [224, 210, 206, 255]],
  [roundRect(172, 268, 342, 300, 8), [255, 196, 0, 255]], // highlight band
  ...lines.map(([x0, y, x1], i) => [roundRect(x0, y - 7, x1, y + 7, 7), i === 3 ? [120, 70, 0, 255] : [190, 196, 206, 255]]),
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        let color = null;
        for (const [inside, c] of shapes) if (inside(x, y)) color = c;
        if (color) {
          const alpha = color[3] / 255;
          r += color[0] * alpha; g += color[1] * alpha; b += color[2] * alpha; a += alpha;
        }
      }
    }
    const i = (py * SIZE + px) * 4;
    const n = SS * SS;
    pixels[i + 3] = Math.round((a / n) * 255);
    if (a > 0) {
      pixels[i] = Math.round(r / a);
      pixels[i + 1] = Math.round(g / a);
      pixels[i + 2] = Math.round(b / a);
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
