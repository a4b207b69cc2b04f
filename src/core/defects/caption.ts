import type { Defect } from '../schema';
import type { Paragraph } from '../text';
import { HAS_BRACKET, paraDefect, paraOffsets } from './context';
import { isHeadingLike } from './headings';

/** Longest line still taken for a caption or layout line. */
export const CAPTION_MAX = 120;

const LINE = [
  { re: /^(图为|图片为|上图|下图|左图|右图|组图|图\s*[:：]|图片\s*[:：]|图\s*\d+\s|资料图片?|圖為|圖片)/, note: 'picture caption' },
  { re: /^[（(【[]?\s*(图片来源|图片提供|图源|摄影|摄像|圖片來源|攝影)/, note: 'picture credit' },
  { re: /^(本报记者|本报通讯员|本报讯|记者|通讯员|新华社记者|本報記者|記者)\s*[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})*\s*(摄|报道)?$/u, note: 'byline' },
  { re: /^[（(]?\s*(责任编辑|责编|编辑|审核|校对|初审|复审|终审|审校|制图|美编|来源|稿件来源|作者|責任編輯|編輯|來源)\s*[:：]/, note: 'layout line' },
  { re: /(记者|通讯员|記者)\s*[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})*\s*(摄|攝)\s*[)）]?$/u, note: 'picture credit' },
];

/** Parenthesised credits inside prose: （图片来源：…） （记者 张三 摄）. */
const INLINE = /[（(]\s*(?:图片来源|图源|图片|摄影|圖片來源|攝影)[^（()）\n]{0,40}[)）]|[（(]\s*(?:记者|通讯员|記者)\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*(?:摄|攝)\s*[)）]/gu;

const ENUMERATED_START = /^([（(]?[一二三四五六七八九十百\d]+[、.．)）]|第[一二三四五六七八九十百\d]+[章节部分篇条])/;

/**
 * Headline lines of a newspaper article placed inside the prose: up to three unenumerated
 * heading-like lines right before a byline, when prose stands before them (at the start of a
 * document they are its title).
 */
function headlineBlocks(paragraphs: Paragraph[], notes: (string | null)[]): Set<number> {
  const out = new Set<number>();
  paragraphs.forEach((p, k) => {
    if (notes[k] !== 'byline') return;
    let j = k - 1;
    while (j >= 0 && k - j <= 3 && !notes[j] && isHeadingLike(paragraphs[j].text) && !ENUMERATED_START.test(paragraphs[j].text)) j--;
    if (j === k - 1 || j < 0 || isHeadingLike(paragraphs[j].text)) return;
    for (let i = j + 1; i < k; i++) out.add(i);
  });
  return out;
}

/** Is this paragraph a caption or layout line (picture caption, credit, byline, editor line)? */
export function captionNote(p: Paragraph): string | null {
  if (p.end - p.start > CAPTION_MAX) return null;
  for (const { re, note } of LINE) if (re.test(p.text)) return note;
  return null;
}

/**
 * Captions and layout lines left in the prose (ANNOTATION-GUIDE §3): whole lines such as
 * 图为…, bylines (本报记者 …), editor and source lines (责任编辑：…, 来源：…), a newspaper
 * headline standing before a byline inside the prose, and credits in parentheses inside a
 * paragraph. The suggested fix removes them.
 */
export function findCaptions(paragraphs: Paragraph[], bmpText = false, survey?: Uint8Array): Defect[] {
  const out: Defect[] = [];
  // each paragraph's note is read once (five regular expressions per short line)
  const notes = paragraphs.map(captionNote);
  const headline = headlineBlocks(paragraphs, notes);
  if (headline.size > 0) {
    paragraphs.forEach((p, i) => {
      if (headline.has(i)) out.push(paraDefect(p, paraOffsets(p, bmpText), 'caption', 0, p.text.length, '', 'newspaper headline inside the prose'));
    });
  }
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const note = notes[i];
    // (survey: surveyParagraphs of these paragraphs)
    if (!note && (survey ? (survey[i] & HAS_BRACKET) === 0 : !p.text.includes('(') && !p.text.includes('（'))) continue;
    const cp = paraOffsets(p, bmpText);
    if (note) {
      out.push(paraDefect(p, cp, 'caption', 0, p.text.length, '', note));
      continue;
    }
    for (const m of p.text.matchAll(INLINE)) {
      out.push(paraDefect(p, cp, 'caption', m.index, m.index + m[0].length, '', 'picture credit in the prose'));
    }
  }
  return out;
}
