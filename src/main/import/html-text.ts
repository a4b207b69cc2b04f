import { decodeHTML } from 'entities';
import { firstCp, isCjk, lastCp } from './chars';
import { RAW_TEXT, tokenizeHtml } from './html-tokenizer';
import { cleanParagraph } from './paragraphs';

/** Elements whose text is not part of the article. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'title', 'head', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video',
  'select', 'option', 'textarea', 'button', 'nav', 'map', 'noembed', 'noframes', 'xmp',
]);
/** Elements whose start or end separates paragraphs. */
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'tr', 'table', 'tbody', 'thead', 'tfoot', 'caption',
  'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'address', 'center', 'figure', 'figcaption', 'form', 'fieldset',
  'legend', 'details', 'summary', 'body', 'html', 'menu', 'dialog', 'hgroup', 'search',
]);
/** Table cells: separated by a space inside their row's paragraph. */
const CELLS = new Set(['td', 'th']);
/** What may stand in <head>; any other start tag ends a <head> left open. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'object', 'basefont', 'bgsound']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);

export interface HtmlText {
  /** Corpus-shaped text: "\n\n" + paragraphs joined by "\n\n". */
  text: string;
  paragraphs: string[];
  unterminated: string | null;
}

/** Whitespace seen since the last word: none, collapsible, a collapsible line break, or NBSP. */
type Pending = 'none' | 'space' | 'break' | 'hard';

/**
 * The readable text of an HTML document as paragraphs. Whitespace is collapsed as a browser
 * does, except that a line break in the source between two CJK characters disappears (CSS
 * Text 3 segment-break rule), so wrapped Chinese source text is not broken up by spaces.
 */
export function htmlToParagraphs(html: string): HtmlText {
  const paragraphs: string[] = [];
  /** Names of the open dropped elements, innermost last. */
  const dropped: string[] = [];
  let pre = 0;
  // The paragraph being built, as pieces joined once at its end: appending to a string and
  // reading its last character flattens the whole string each time (quadratic on a page of
  // one-character lines); the last code point is kept aside instead.
  let buf: string[] = [];
  let bufLast = -1;
  let pending: Pending = 'none';

  const flush = (): void => {
    const p = cleanParagraph(buf.join(''));
    if (p.length > 0) paragraphs.push(p);
    buf = [];
    bufLast = -1;
    pending = 'none';
  };
  const addWord = (word: string): void => {
    if (buf.length > 0 && pending !== 'none') {
      const removable = pending === 'break' && isCjk(bufLast) && isCjk(firstCp(word));
      if (!removable) buf.push(' ');
    }
    buf.push(word);
    bufLast = lastCp(word);
    pending = 'none';
  };
  const addText = (raw: string): void => {
    const text = cleanChars(decodeHTML(raw));
    if (pre > 0) {
      const lines = text.split(/\r\n?|\n/); // import-s6: CR and CRLF end a line too (HTML reads them as LF)
      for (let k = 0; k < lines.length; k++) {
        if (k > 0) flush();
        if (lines[k].trim().length > 0) addWord(lines[k].replace(/[\t\f\r]/g, ' '));
      }
      return;
    }
    // split on collapsible whitespace; remember whether each gap had a line break
    const re = /[ \t\n\f\r\u00a0]+/g;
    let last = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m.index > last) addWord(text.slice(last, m.index));
      if (buf.length > 0) pending = mergePending(pending, m[0]);
      last = m.index + m[0].length;
    }
    if (last < text.length) addWord(text.slice(last));
  };

  const result = tokenizeHtml(html, {
    text(raw) {
      if (dropped.length === 0) addText(raw);
    },
    rawText() {
      // script, style, title, textarea…: never article text
    },
    open(name, selfClosing) {
      if (dropped.length === 1 && dropped[0] === 'head' && !HEAD_CONTENT.has(name)) dropped.length = 0; // <head> never closed
      if (dropped.length > 0) {
        if (DROPPED.has(name) && !VOID.has(name) && !selfClosing) dropped.push(name);
        return;
      }
      if (DROPPED.has(name)) {
        // raw-text elements are skipped by the tokenizer itself; svg/math may self-close
        if (!RAW_TEXT.has(name) && !VOID.has(name) && !(selfClosing && (name === 'svg' || name === 'math'))) dropped.push(name);
        return;
      }
      if (BLOCKS.has(name)) {
        flush();
        if (name === 'pre') pre++;
      } else if (CELLS.has(name)) {
        if (buf.length > 0) pending = 'hard'; // cells never run together
      }
    },
    close(name) {
      if (name === 'body' || name === 'html') dropped.length = 0;
      if (dropped.length > 0) {
        const at = dropped.lastIndexOf(name);
        if (at >= 0) dropped.length = at;
        return;
      }
      if (BLOCKS.has(name)) {
        flush();
        if (name === 'pre' && pre > 0) pre--;
      } else if (CELLS.has(name)) {
        if (buf.length > 0) pending = 'hard'; // cells never run together
      }
    },
  });
  flush();
  return { text: paragraphs.length === 0 ? '' : '\n\n' + paragraphs.join('\n\n'), paragraphs, unterminated: result.unterminated };
}

/**
 * Collapsing whitespace across runs (and tags): a non-breaking space always stays a space; a
 * line break wins over plain spaces (CSS removes spaces around a segment break).
 */
function mergePending(p: Pending, ws: string): Pending {
  if (p === 'hard' || ws.includes('\u00a0')) return 'hard';
  if (p === 'break' || ws.includes('\n') || ws.includes('\r')) return 'break';
  return 'space';
}

/** Removes C0/C1 control characters (except tab, LF, CR, FF) and stray byte order marks. */
function cleanChars(s: string): string {
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufeff]/.test(s) ? s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufeff]/g, '') : s;
}
