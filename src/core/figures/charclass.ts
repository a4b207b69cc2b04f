/**
 * One-byte class of every UTF-16 unit, so the scanners test a character with one array read
 * instead of set or map lookups. Astral characters (surrogates) have class 0.
 */
import { CLAUSE_END } from './lexicon';
import { isNumeralStart } from './numerals';

export const C_NUMERAL = 1;
export const C_QUOTE = 2;
export const C_CLAUSE = 4;
/** high surrogate: an astral character starts here */
export const C_ASTRAL = 8;

/** Quotation marks: opening unit → closing unit. */
export const QUOTE_PAIRS = new Map<number, number>([
  [0x201c, 0x201d], // “ ”
  [0x2018, 0x2019], // ‘ ’
  [0x300c, 0x300d], // 「 」
  [0x300e, 0x300f], // 『 』
]);

export const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isNumeralStart(c)) CHAR_CLASS[c] |= C_NUMERAL;
for (const [open, close] of QUOTE_PAIRS) { CHAR_CLASS[open] |= C_QUOTE; CHAR_CLASS[close] |= C_QUOTE; }
for (const c of CLAUSE_END) CHAR_CLASS[c] |= C_CLAUSE;
for (let c = 0xd800; c <= 0xdbff; c++) CHAR_CLASS[c] |= C_ASTRAL;
