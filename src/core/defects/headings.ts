/**
 * Shape of a paragraph: headings, titles, speaker lines and datelines, as opposed to prose.
 * Used to tell a paragraph broken mid-sentence from one that legitimately ends unpunctuated.
 */
export const ENUMERATED = [
  /^[（(]?[一二三四五六七八九十百]+[、.．)）]/, // 一、 （一） 一.
  /^[（(]?\d{1,2}[、.．)）](?!\d)/, // 1. （1） 1、
  /^[①-⑳]/,
  /^第[一二三四五六七八九十百\d]+[章节部分篇条]/,
  /^[一二三四五六七八九十]是/, // 一是… used as a run-in heading
];

/** The characters an ENUMERATED expression can start with. */
const ENUMERATED_FIRST = new Uint8Array(0x10000);
for (const ch of '（(一二三四五六七八九十百0123456789第') ENUMERATED_FIRST[ch.charCodeAt(0)] = 1;
for (let c = 0x2460; c <= 0x2473; c++) ENUMERATED_FIRST[c] = 1; // ①-⑳

/** Sentence punctuation that a heading does not contain before its end. */
const SENTENCE_PUNCT = /[，,。；;！!？?]/;

export const HEADING_MAX = 40;

/** Does the text start with an enumerator (一、 （一） 1. ① 第一章 一是): a list item or section, never the continuation of a sentence? */
export function startsEnumerated(text: string): boolean {
  // (the expressions run only when the text starts with a character one of them can start with)
  if (text.length === 0 || ENUMERATED_FIRST[text.charCodeAt(0)] !== 1) return false;
  for (const r of ENUMERATED) if (r.test(text)) return true;
  return false;
}

export function isHeadingLike(text: string): boolean {
  if (text.length > 2 * 60) return false; // long: prose (checked before any whole-text work)
  const t = text.trim();
  if (!t) return true;
  if (/^(——|──|--|—|–)/.test(t)) return true; // dateline / subtitle
  if (/^[（(][^（()）]*[)）]$/.test(t)) return true; // (2024年2月21日在…会议上)
  const len = codePointLength(t);
  if (len <= 60 && startsEnumerated(t)) return true;
  // short and unpunctuated inside; a line ending in 。！？ is a sentence (fragment), not a heading
  return len <= HEADING_MAX && !SENTENCE_PUNCT.test(t.slice(0, -1)) && !SENTENCE_END.has(t.charCodeAt(t.length - 1));
}

const SENTENCE_END = new Set(Array.from('。！？!?', (c) => c.charCodeAt(0)));

/** [...t].length without the array: code points, a lone surrogate counting as one. */
function codePointLength(t: string): number {
  let n = t.length;
  for (let i = 0; i + 1 < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
