#!/usr/bin/env node
// Regenerates src/core/duplicates/words3.json from a jieba dictionary (MIT,
// https://github.com/yanyiwu/cppjieba, shipped inside the npm package nodejieba as
// submodules/cppjieba/dict/jieba.dict.utf8):
//   npm pack nodejieba && tar xzf nodejieba-*.tgz
//   node scripts/build-words3.mjs package/submodules/cppjieba/dict/jieba.dict.utf8
// Three-character Han words (frequency >= MIN_FREQ) that extend a two-character word, for the
// repeated-word detector: a doubled word next to one of them is two words side by side
// (博士博士后 = 博士 + 博士后, 大学生学生会 = 大学生 + 学生会), not a slip.
//   after:  "AB": "C…"  — ABC is a word
//   before: "AB": "X…"  — XAB is a word
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_FREQ = 5;
const src = process.argv[2];
if (!src) throw new Error('usage: build-words3.mjs path/to/jieba.dict.utf8');
const han = /^\p{Script=Han}+$/u;
const words2 = new Set();
const words3 = [];
for (const line of readFileSync(src, 'utf8').split('\n')) {
  const [w, f] = line.split(' ');
  if (!w || !han.test(w) || Number(f) < MIN_FREQ) continue;
  const cps = [...w];
  if (cps.length === 2) words2.add(w);
  if (cps.length === 3) words3.push(cps);
}
const after = new Map();
const before = new Map();
const add = (m, k, c) => {
  if (!m.has(k)) m.set(k, new Set());
  m.get(k).add(c);
};
for (const [a, b, c] of words3) {
  if (words2.has(a + b)) add(after, a + b, c);
  if (words2.has(b + c)) add(before, b + c, a);
}
const pack = (m) => Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, s]) => [k, [...s].sort().join('')]));
const out = { source: 'jieba.dict.utf8 (cppjieba, MIT License, Copyright (c) 2013 Yanyi Wu), filtered by scripts/build-words3.mjs', after: pack(after), before: pack(before) };
writeFileSync(join(import.meta.dirname, '../src/core/duplicates/words3.json'), JSON.stringify(out) + '\n');
console.log(`after ${after.size} words, before ${before.size} words`);
