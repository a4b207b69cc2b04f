import type { Defect } from '../schema';
import type { Paragraph } from '../text';
import { charAt, charBefore, HAS_LATIN, isHanChar, paraDefect, paraOffsets } from './context';

/** English function words and their Chinese fix ('' = drop). */
const FUNCTION_WORDS: Record<string, string> = {
  and: '和', or: '或', of: '的', with: '与', the: '', a: '', an: '', in: '在', on: '在', at: '在', to: '到',
  for: '为', from: '从', by: '由', as: '作为', is: '是', are: '是', was: '是', were: '是', be: '', that: '', this: '这',
  which: '', not: '不', but: '但', also: '也', than: '比', into: '到', etc: '等',
};
/** Latin words that are at home in Chinese prose. */
const LEGIT = new Set(['app', 'apps', 'wifi', 'wi', 'fi', 'blog', 'vlog', 'logo', 'email', 'e', 'www', 'com', 'cn', 'html', 'http', 'https', 'ok', 'vs', 'pk', 'diy', 'mall', 'plus', 'pro', 'max', 'mini', 'x', 'k', 'kg', 'km', 'cm', 'mm', 'm', 'g', 'mg', 'ml', 'l', 'kw', 'kwh', 'mw', 'gw', 'kv', 'mu', 'ha', 'ppm', 'ph', 'ai', 'id', 'ip', 'it']);

/**
 * Latin words inside Chinese prose (ANNOTATION-GUIDE §3), e.g. `精神 and 习近平` → `和`. A run of
 * Latin words counts only with Han characters on both sides (spaces between allowed) and is
 * left alone when it is an acronym or name (GDP, 5G, PM2.5, AED, iPhone: upper case after the
 * first letter, digits or . - / @ : next to it, URLs), a unit or a Latin word at home in
 * Chinese (app, wifi). Lower-case words are flagged; capitalised ones only when they are
 * English function words (And, The). The span includes the surrounding spaces; the fix is
 * the Chinese word for a function word, else null.
 */
export function findForeignTokens(paragraphs: Paragraph[], bmpText = false, survey?: Uint8Array): Defect[] {
  const out: Defect[] = [];
  const RUN = /([ \t\u00a0\u3000]*)([A-Za-z]+(?:[ \t\u00a0]+[A-Za-z]+)*)([ \t\u00a0\u3000]*)/g;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    // (survey: surveyParagraphs of these paragraphs)
    if (survey ? (survey[k] & HAS_LATIN) === 0 : !/[A-Za-z]/.test(p.text)) continue;
    const cp = paraOffsets(p, bmpText);
    for (const m of p.text.matchAll(RUN)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isHanChar(charBefore(p.text, start)) || !isHanChar(charAt(p.text, end))) continue;
      const words = m[2].split(/[ \t\u00a0]+/);
      const flagged = words.every((w) => {
        const lower = w.toLowerCase();
        if (LEGIT.has(lower)) return false;
        if (w.length < 2 && !(lower in FUNCTION_WORDS)) return false;
        if (/^[a-z]+$/.test(w)) return true;
        return /^[A-Z][a-z]+$/.test(w) && lower in FUNCTION_WORDS;
      });
      if (!flagged) continue;
      const lower = words.map((w) => w.toLowerCase());
      const fix = lower.length === 1 && lower[0] in FUNCTION_WORDS ? FUNCTION_WORDS[lower[0]] : null;
      out.push(paraDefect(p, cp, 'foreign_token', start, end, fix, `Latin "${m[2]}" in Chinese prose`));
    }
  }
  return out;
}
