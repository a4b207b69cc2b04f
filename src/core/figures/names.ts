/**
 * Digit-bearing names that are not quantities: ordinals (第十五届, 第四次会议, 第一批), session
 * names (十五届人大三次会议, 二十届二中全会, 二十大), levels (五级人大代表), plan names
 * (五年立法规划). Offsets are UTF-16; the detector converts them.
 */
import namesJson from '../../../resources/lexicon/names.json';
import { WordSet, foldCode } from './lexicon';
import { type NumberToken, isNumeralAt, readNumberToken } from './read';

const set = (words: readonly string[]): WordSet => new WordSet(words.map((w) => [w, true] as [string, true]));

const ORDINAL_FOLLOWERS = set(namesJson.ordinalFollowers);
const SESSION_TAILS = set(namesJson.sessionTails);
const BODY_WORDS = set(namesJson.bodiesBetweenTermAndSession);
const LEVEL_TAILS = set(namesJson.levelTails);
const PLAN_TAILS = set(namesJson.planTails);

const CH_DI = '第'.charCodeAt(0);
const CH_JIE = '届'.charCodeAt(0);
const CH_DA = '大'.charCodeAt(0);
const CH_JI = '级'.charCodeAt(0);
const CH_NIAN = '年'.charCodeAt(0);

export interface NameSpan {
  start: number;
  end: number;
  /** an ordinal word that is no name to show (第三方): skipped, not reported */
  hidden?: boolean;
}

/** A session tail (次会议, 中全会 …) right after a numeral at pos: its end, or -1. */
function sessionAfterNumber(text: string, pos: number): number {
  if (!isNumeralAt(text, pos)) return -1;
  const t = readNumberToken(text, pos);
  if (!t) return -1;
  const tail = SESSION_TAILS.startsAt(text, t.end);
  return tail ? t.end + tail.len : -1;
}

/** Reads a name whose numeral token is tok, or null. */
export function readName(text: string, tok: NumberToken): NameSpan | null {
  const { start, end } = tok;
  const next = foldCode(text.charCodeAt(end));

  const ordinal = start > 0 && text.charCodeAt(start - 1) === CH_DI;
  // terms: [第]十五届 [人大 三次会议 | 二中全会 | 历次全会]
  if (next === CH_JIE) {
    const s0 = ordinal ? start - 1 : start;
    let e = end + 1;
    const direct = SESSION_TAILS.startsAt(text, e);
    if (direct) return { start: s0, end: e + direct.len };
    const s1 = sessionAfterNumber(text, e);
    if (s1 > 0) return { start: s0, end: s1 };
    const body = BODY_WORDS.startsAt(text, e);
    if (body) {
      const s2 = sessionAfterNumber(text, e + body.len);
      if (s2 > 0) e = s2;
    }
    return { start: s0, end: e };
  }

  // ordinals: 第四次会议, 第一批
  if (ordinal) {
    // 第一季度 is a date, read as a figure
    if (text.startsWith('季度', end)) return null;
    const f = ORDINAL_FOLLOWERS.startsAt(text, end);
    return f ? { start: start - 1, end: end + f.len } : { start: start - 1, end, hidden: true };
  }

  // sessions without a term: 三次会议, 二中全会
  const tail = SESSION_TAILS.startsAt(text, end);
  if (tail) return { start, end: end + tail.len };

  // party congresses: 二十大, 十九大 (a numeral of ten or more written in Chinese)
  if (next === CH_DA && !tok.hasDigits && tok.value !== null && tok.value >= 10 && tok.value < 100) {
    return { start, end: end + 1 };
  }

  // levels: 五级人大代表, 两级
  if (next === CH_JI && tok.value !== null && tok.value < 10) {
    const lt = LEVEL_TAILS.startsAt(text, end + 1);
    return { start, end: end + 1 + (lt ? lt.len : 0) };
  }

  // plans: 五年立法规划, 3年行动计划
  if (next === CH_NIAN) {
    const pt = PLAN_TAILS.startsAt(text, end + 1);
    if (pt) return { start, end: end + 1 + pt.len };
  }
  return null;
}
