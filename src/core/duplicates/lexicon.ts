import lexiconFile from '../../../resources/boilerplate/lexicon.json';
import redupFile from '../../../resources/boilerplate/reduplication.json';

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
  const legit = new Set<string>([...lex.xx, ...lex.abab, ...red.aa, ...red.abab]);
  const standalone = new Set(Array.from(red.standalone));
  const numerals = new Set(Array.from(red.numerals));
  cache = {
    isWord2: (x, y) => (words2.get(x) ?? '').includes(y),
    startsWord: (x, y) => (words2.get(x) ?? '').includes(y) || (starts.get(x) ?? '').includes(y),
    isLegitRedup: (unit) => legit.has(unit) || legit.has(unit + unit),
    isStandalone: (c) => standalone.has(c),
    isNumeral: (c) => numerals.has(c),
  };
  return cache;
}
