import iconv from 'iconv-lite';
import { isHan } from './chars';

/**
 * Scores how plausible a decoded text is as Chinese, to choose between legacy encodings
 * (GB18030 and Big5 map almost every byte pair to some character, so "decodes without
 * errors" is not enough). Wrongly decoded Chinese is a stream of rare characters, kana,
 * Cyrillic, box drawing and private-use characters; right decoding is dominated by the few
 * hundred most frequent characters.
 */

/** Very frequent characters of government reports and general text, Simplified and Traditional. */
const TOP_SIMPLIFIED =
  '的一是在不了有和人这中大为上个国以要时来到作地于出就分对成会可主发年动同工也能下过说产面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求基资边流路级少图统接知较将组见计别期根论运农指区强放决被干做必先回则任取据处府研报告委议务推深坚持保障监督审依治届县市省镇村项目万元亿增长稳步';
const TOP_TRADITIONAL =
  '這為個國來時於對會發動過說產後學經進著裡實兩體機當點從業應開還關間樣與數麼質氣變條沒結問題黨員總設長資邊級圖統較將組見計別論運農區強決幹則據處報務堅監審屆縣鎮項億增穩義';

let commonSet: Set<number> | null = null;
let topSet: Set<number> | null = null;

/** GB2312 level 1 (3,755 common Simplified) ∪ Big5 level 1 (5,401 common Traditional). */
function common(): Set<number> {
  if (commonSet) return commonSet;
  const set = new Set<number>();
  const gb: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let t = 0xa1; t <= 0xfe; t++) gb.push(lead, t);
  const big5: number[] = [];
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let t = 0x40; t <= 0x7e; t++) big5.push(lead, t);
    for (let t = 0xa1; t <= 0xfe; t++) big5.push(lead, t);
  }
  for (const s of [iconv.decode(Buffer.from(gb), 'gb18030'), iconv.decode(Buffer.from(big5), 'big5')]) {
    for (const ch of s) {
      const cp = ch.codePointAt(0) ?? 0;
      if (isHan(cp)) set.add(cp);
    }
  }
  commonSet = set;
  return set;
}

function top(): Set<number> {
  if (topSet) return topSet;
  topSet = new Set([...(TOP_SIMPLIFIED + TOP_TRADITIONAL)].map((c) => c.codePointAt(0) ?? 0));
  return topSet;
}

/** Characters that show up when Chinese bytes are decoded with the wrong table. */
function isOdd(cp: number): boolean {
  return (
    (cp >= 0x0370 && cp <= 0x052f) || // Greek, Cyrillic
    (cp >= 0x2460 && cp <= 0x27bf) || // enclosed numbers, box drawing, shapes, dingbats
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3100 && cp <= 0x312f) || // bopomofo
    (cp >= 0xe000 && cp <= 0xf8ff) || // private use
    (cp >= 0x80 && cp <= 0x9f) || // C1 controls
    (cp >= 0xac00 && cp <= 0xd7af) // Hangul
  );
}

export interface ChineseScore {
  score: number;
  han: number;
  replacements: number;
  nonAscii: number;
}

/** Plausibility of a decoded text as Chinese: higher is better; about 1.5+ for real text. */
export function scoreChinese(text: string): ChineseScore {
  const c = common();
  const t = top();
  let han = 0;
  let inCommon = 0;
  let inTop = 0;
  let odd = 0;
  let repl = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) continue;
    nonAscii++;
    if (cp === 0xfffd) repl++;
    else if (isHan(cp)) {
      han++;
      if (c.has(cp)) inCommon++;
      if (t.has(cp)) inTop++;
    } else if (isOdd(cp)) odd++;
  }
  if (nonAscii === 0) return { score: 0, han, replacements: repl, nonAscii };
  const hanShare = han / nonAscii;
  const score = (han > 0 ? (inCommon / han) * hanShare + 2 * (inTop / han) * hanShare : 0) - 4 * (repl / nonAscii) - 2 * (odd / nonAscii);
  return { score, han, replacements: repl, nonAscii };
}
