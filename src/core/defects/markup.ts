import type { Defect } from '../schema';
import type { Paragraph } from '../text';
import { HAS_MARKUP, paraDefect, paraOffsets } from './context';

const ENTITIES: Record<string, string> = {
  nbsp: '', ensp: '', emsp: '', thinsp: '', zwnj: '', zwj: '', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', deg: '°',
};
const TAGS = 'a|abbr|b|big|blockquote|body|br|center|code|col|colgroup|div|em|font|h[1-6]|head|hr|html|i|img|li|ol|p|pre|s|section|small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|u|ul|article|figure|figcaption|script|meta|link';

interface Rule {
  re: RegExp;
  fix: (m: RegExpMatchArray) => string;
  note: string;
}

/** Markup inside a paragraph; each rule's matches become one finding each. */
const INLINE: Rule[] = [
  { re: /\*\*([^*\n]+?)\*\*/g, fix: (m) => m[1], note: 'markdown bold **…**' },
  { re: /__([^_\n]+?)__/g, fix: (m) => m[1], note: 'markdown bold __…__' },
  { re: /!\[([^\]\n]*)\]\([^)\s]*\)/g, fix: () => '', note: 'markdown image' },
  { re: /(?<!!)\[([^\]\n]+)\]\((?:https?:|\/|\.|#)[^)\s]*\)/g, fix: (m) => m[1], note: 'markdown link' },
  { re: /`([^`\n]+)`/g, fix: (m) => m[1], note: 'markdown code' },
  { re: new RegExp(`</?(?:${TAGS})(?:\\s[^<>]*)?/?>`, 'gi'), fix: () => '', note: 'HTML tag' },
  { re: /<!--[\s\S]*?-->/g, fix: () => '', note: 'HTML comment' },
  { re: /&(?:([a-zA-Z]{2,8})|#(\d{2,7})|#[xX]([0-9a-fA-F]{2,6}));/g, fix: decodeEntity, note: 'HTML entity' },
];

function decodeEntity(m: RegExpMatchArray): string {
  if (m[1] !== undefined) return ENTITIES[m[1].toLowerCase()] ?? m[0];
  const code = m[2] !== undefined ? Number(m[2]) : parseInt(m[3], 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m[0];
}

/** Markup at the start of a paragraph: markdown heading, list or quote marker. */
const PREFIX = /^(#{1,6}[ \t]*|[-*+>][ \t]+)(?=[\p{Script=Han}“《（(])/u;
const RULE_LINE = /^([-*_])(?:[ \t]*\1){2,}$/;

/**
 * Markdown and HTML left in the text (ANNOTATION-GUIDE §3): **bold** and __bold__ (the finding
 * spans the markers and the text between, the fix keeps the text), links and images, `code`,
 * # headings and list/quote markers at a paragraph's start, horizontal rules, HTML tags,
 * comments and entities (&nbsp; &amp; &#12288;). The fix drops the markup.
 */
export function findMarkup(paragraphs: Paragraph[], bmpText = false, survey?: Uint8Array): Defect[] {
  const out: Defect[] = [];
  /** list markers (- * +) found, kept only where the report is markdown (see below) */
  const listMarkers: Defect[] = [];
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    const t = p.text;
    // (survey: surveyParagraphs of these paragraphs)
    if (survey ? (survey[k] & HAS_MARKUP) === 0 : !/[*_#`<>&[\]+-]/.test(t)) continue;
    const cp = paraOffsets(p, bmpText);
    if (RULE_LINE.test(t)) {
      out.push(paraDefect(p, cp, 'markup_residue', 0, t.length, '', 'markdown horizontal rule'));
      continue;
    }
    const found: Defect[] = [];
    const pre = PREFIX.exec(t);
    if (pre) {
      const d = paraDefect(p, cp, 'markup_residue', 0, pre[0].length, '', pre[1].startsWith('#') ? 'markdown heading marker' : 'markdown list/quote marker');
      if (/^[-*+]/.test(pre[1])) listMarkers.push(d);
      else found.push(d);
    }
    for (const rule of INLINE) {
      for (const m of t.matchAll(rule.re)) {
        const fix = rule.fix(m);
        if (fix === m[0]) continue; // unknown entity
        found.push(paraDefect(p, cp, 'markup_residue', m.index, m.index + m[0].length, fix, rule.note));
      }
    }
    // stray ** left after pairs are taken
    const taken = found.filter((d) => d.text.startsWith('**')).map((d) => d.start).sort((a, b) => a - b);
    const pairedEnds = new Set(found.filter((d) => d.text.startsWith('**')).map((d) => d.end - 2));
    for (const m of t.matchAll(/\*\*+/g)) {
      const s = cp(m.index);
      if (pairedEnds.has(s) || binaryHas(taken, s)) continue;
      found.push(paraDefect(p, cp, 'markup_residue', m.index, m.index + m[0].length, '', 'stray markdown **'));
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    // keep the outermost of overlapping findings
    let lastEnd = -1;
    for (const d of found) {
      if (d.start < lastEnd) continue;
      out.push(d);
      lastEnd = d.end;
    }
  }
  // `* 即二零一五／一六年度` under a table of a PDF is a footnote, `- ` may be a dash: a list
  // marker is markdown when the report has a list (LIST_MIN markers) or other markdown
  if (listMarkers.length >= LIST_MIN || out.some((d) => d.note?.startsWith('markdown'))) {
    return [...out, ...listMarkers].sort((a, b) => a.start - b.start);
  }
  return out;
}

/** List markers that make a list by themselves (fewer, with no other markdown, are footnotes). */
const LIST_MIN = 3;

function binaryHas(sorted: number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === x;
}
