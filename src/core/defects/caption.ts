import type { Defect } from '../schema';
import type { Paragraph } from '../text';
import { paraDefect, paraOffsets } from './context';

/** Longest line still taken for a caption or layout line. */
export const CAPTION_MAX = 120;

const LINE = [
  { re: /^(图为|图片为|上图|下图|左图|右图|组图|图\s*[:：]|图片\s*[:：]|图\s*\d+\s|资料图片?|圖為|圖片)/, note: 'picture caption' },
  { re: /^[（(【\[]?\s*(图片来源|图片提供|图源|摄影|摄像|圖片來源|攝影)/, note: 'picture credit' },
  { re: /^(本报记者|本报通讯员|本报讯|记者|通讯员|新华社记者|本報記者|記者)\s*[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})*\s*(摄|报道)?$/u, note: 'byline' },
  { re: /^[（(]?\s*(责任编辑|责编|编辑|审核|校对|初审|复审|终审|审校|制图|美编|来源|稿件来源|作者|責任編輯|編輯|來源)\s*[:：]/, note: 'layout line' },
  { re: /(记者|通讯员|記者)\s*[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})*\s*(摄|攝)\s*[)）]?$/u, note: 'picture credit' },
];

/** Parenthesised credits inside prose: （图片来源：…） （记者 张三 摄）. */
const INLINE = /[（(]\s*(?:图片来源|图源|图片|摄影|圖片來源|攝影)[^（()）\n]{0,40}[)）]|[（(]\s*(?:记者|通讯员|記者)\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*(?:摄|攝)\s*[)）]/gu;

/** Is this paragraph a caption or layout line (picture caption, credit, byline, editor line)? */
export function captionNote(p: Paragraph): string | null {
  if (p.end - p.start > CAPTION_MAX) return null;
  for (const { re, note } of LINE) if (re.test(p.text)) return note;
  return null;
}

/**
 * Captions and layout lines left in the prose (ANNOTATION-GUIDE §3): whole lines such as
 * 图为…, bylines (本报记者 …), editor and source lines (责任编辑：…, 来源：…), and credits in
 * parentheses inside a paragraph. The suggested fix removes them.
 */
export function findCaptions(paragraphs: Paragraph[]): Defect[] {
  const out: Defect[] = [];
  for (const p of paragraphs) {
    const cp = paraOffsets(p);
    const note = captionNote(p);
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
