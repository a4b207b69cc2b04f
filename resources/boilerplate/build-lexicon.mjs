#!/usr/bin/env node
// Regenerates lexicon.json from a jieba dictionary (MIT, https://github.com/yanyiwu/cppjieba,
// shipped inside the npm package nodejieba as submodules/cppjieba/dict/jieba.dict.utf8):
//   npm pack nodejieba && tar xzf nodejieba-*.tgz
//   node resources/boilerplate/build-lexicon.mjs package/submodules/cppjieba/dict/jieba.dict.utf8
// Keeps only what the repeated-word detector needs, from Han words with frequency >= MIN_FREQ:
//   words2: two-character words, by first character      ("审": "计核查…")
//   starts: other first-two-character prefixes of longer words, by first character
//   xx:     reduplicated two-character words (AA) with frequency >= MIN_FREQ_XX
//   abab:   reduplicated four-character words (ABAB)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_FREQ = 5;
const MIN_FREQ_XX = 20;
const src = process.argv[2];
if (!src) throw new Error('usage: build-lexicon.mjs path/to/jieba.dict.utf8');
const han = /^\p{Script=Han}+$/u;
const words2 = new Map();
const starts = new Map();
const xx = new Set();
const abab = new Set();
for (const line of readFileSync(src, 'utf8').split('\n')) {
  const [w, f] = line.split(' ');
  const freq = Number(f);
  if (!w || !han.test(w) || [...w].length < 2) continue;
  const cps = [...w];
  if (cps.length === 2 && cps[0] === cps[1] && freq >= MIN_FREQ_XX) xx.add(w);
  if (cps.length === 4 && cps[0] === cps[2] && cps[1] === cps[3]) abab.add(w);
  if (freq < MIN_FREQ) continue;
  const target = cps.length === 2 ? words2 : starts;
  if (!target.has(cps[0])) target.set(cps[0], new Set());
  target.get(cps[0]).add(cps[1]);
}
for (const [c, set] of starts) {
  const w = words2.get(c);
  if (w) for (const d of w) set.delete(d);
  if (!set.size) starts.delete(c);
}
const pack = (m) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, s]) => [c, [...s].sort().join('')]));
const out = {
  source: 'jieba.dict.utf8 (cppjieba, MIT License, Copyright (c) 2013 Yanyi Wu), filtered by build-lexicon.mjs',
  words2: pack(words2),
  starts: pack(starts),
  xx: [...xx].sort(),
  abab: [...abab].sort(),
};
writeFileSync(join(import.meta.dirname, 'lexicon.json'), JSON.stringify(out) + '\n');
console.log(`words2 ${[...words2.values()].reduce((n, s) => n + s.size, 0)}, starts ${[...starts.values()].reduce((n, s) => n + s.size, 0)}, xx ${xx.size}, abab ${abab.size}`);
