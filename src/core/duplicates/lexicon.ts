import lexiconFile from '../../../resources/boilerplate/lexicon.json';
import redupFile from '../../../resources/boilerplate/reduplication.json';
import { foldString as fold } from '../figures/lexicon';
import { EXTRA_AA, EXTRA_ABAB } from './legit-redup';
import words3File from './words3.json';

/** Word knowledge for the repeated-word detector (resources/boilerplate). */
export interface Lexicon {
  /** XY is a two-character word */
  isWord2(x: string, y: string): boolean;
  /** some word starts with XY */
  startsWord(x: string, y: string): boolean;
  /** AA or ABAB reduplication that is legitimate */
  isLegitRedup(unit: string): boolean;
  /** single characters that stand alone as words (的, 是, 在…), never flagged when doubled */
  isStandalone(c: string): boolean;
  isNumeral(c: string): boolean;
  /** is `word` + c (after) or c + `word` (before) a three-character word? (`word`: two characters) */
  isWord3(word: string, c: string, after: boolean): boolean;
}

interface LexiconFile {
  words2: Record<string, string>;
  starts: Record<string, string>;
  xx: string[];
  abab: string[];
}
interface RedupFile {
  aa: string[];
  abab: string[];
  standalone: string;
  numerals: string;
}

let cache: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cache) return cache;
  const lex = lexiconFile as LexiconFile;
  const red = redupFile as RedupFile;
  const words2 = new Map(Object.entries(lex.words2));
  const starts = new Map(Object.entries(lex.starts));
  const legit = new Set<string>([...lex.xx, ...lex.abab, ...red.aa, ...red.abab, ...EXTRA_AA, ...EXTRA_ABAB]);
  const w3 = words3File as { after: Record<string, string>; before: Record<string, string> };
  const after3 = new Map(Object.entries(w3.after));
  const before3 = new Map(Object.entries(w3.before));
  const isWord3 = (word: string, c: string, after: boolean): boolean => ((after ? after3 : before3).get(word) ?? '').includes(c);
  const standalone = new Set(Array.from(red.standalone));
  const numerals = new Set(Array.from(red.numerals));
  // the word lists are Simplified: Traditional text is looked up folded (審計 → 审计)
  const isWord2 = (x: string, y: string): boolean => (words2.get(x) ?? '').includes(y);
  const startsWord = (x: string, y: string): boolean => isWord2(x, y) || (starts.get(x) ?? '').includes(y);
  const isLegitRedup = (unit: string): boolean => legit.has(unit) || legit.has(unit + unit);
  cache = {
    isWord2: (x, y) => isWord2(x, y) || isWord2(fold(x), fold(y)),
    startsWord: (x, y) => startsWord(x, y) || startsWord(fold(x), fold(y)),
    isLegitRedup: (unit) => isLegitRedup(unit) || isLegitRedup(fold(unit)),
    isStandalone: (c) => standalone.has(c) || standalone.has(fold(c)),
    isNumeral: (c) => numerals.has(c) || numerals.has(fold(c)),
    isWord3: (word, c, after) => isWord3(word, c, after) || isWord3(fold(word), fold(c), after),
  };
  return cache;
}
