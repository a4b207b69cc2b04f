/**
 * A small HTML tokenizer for text extraction: start/end tags (attributes skipped), text,
 * comments and raw-text elements. Every step moves forward with indexOf or a sticky scan, so
 * the work is linear in the input whatever its nesting or size; no tree is built.
 */

export interface HtmlHandler {
  /** Text between tags, entities not yet decoded. */
  text(raw: string): void;
  /** A start tag; name lower-cased. */
  open(name: string, selfClosing: boolean): void;
  /** An end tag; name lower-cased. */
  close(name: string): void;
  /** Content of a raw-text element (script, style, title, textarea…), never parsed as markup. */
  rawText(name: string, raw: string): void;
}

export interface TokenizeResult {
  /** A comment, tag or raw-text element that ran to the end of the input. */
  unterminated: string | null;
}

/** Elements whose content is not markup (HTML's raw-text and RCDATA elements). */
export const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'title', 'textarea']);

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isTagSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

export function tokenizeHtml(html: string, h: HtmlHandler): TokenizeResult {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      h.text(html.slice(i));
      break;
    }
    if (lt > i) h.text(html.slice(i, lt));
    const c = lt + 1 < n ? html.charCodeAt(lt + 1) : -1;

    if (isAsciiAlpha(c)) {
      const tag = readTag(html, lt + 1);
      if (tag.end < 0) return { unterminated: 'tag' };
      h.open(tag.name, tag.selfClosing);
      i = tag.end;
      if (RAW_TEXT.has(tag.name)) {
        const close = findRawClose(html, i, tag.name);
        h.rawText(tag.name, html.slice(i, close < 0 ? n : close));
        if (close < 0) return { unterminated: tag.name };
        const gt = html.indexOf('>', close);
        h.close(tag.name);
        i = gt < 0 ? n : gt + 1;
      }
    } else if (c === 0x2f /* / */) {
      const c2 = lt + 2 < n ? html.charCodeAt(lt + 2) : -1;
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) return { unterminated: 'tag' };
      if (isAsciiAlpha(c2)) {
        let j = lt + 2;
        while (j < gt && !isTagSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 0x2f) j++;
        h.close(html.slice(lt + 2, j).toLowerCase());
      } // "</>" and "</ …>" are ignored, as browsers do
      i = gt + 1;
    } else if (c === 0x21 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        // "<!-->" and "<!--->" are complete (empty) comments
        if (html.startsWith('>', lt + 4)) i = lt + 5;
        else if (html.startsWith('->', lt + 4)) i = lt + 6;
        else {
          const end = html.indexOf('-->', lt + 4);
          if (end < 0) return { unterminated: 'comment' };
          i = end + 3;
        }
      } else if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9);
        if (end < 0) return { unterminated: 'cdata' };
        i = end + 3; // CDATA occurs only inside svg/math, whose text is dropped anyway
      } else {
        const gt = html.indexOf('>', lt + 2);
        if (gt < 0) return { unterminated: 'doctype' };
        i = gt + 1; // doctype or bogus comment
      }
    } else if (c === 0x3f /* ? */) {
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) return { unterminated: 'processing-instruction' };
      i = gt + 1;
    } else {
      h.text('<'); // a lone "<" is text
      i = lt + 1;
    }
  }
  return { unterminated: null };
}

/** Reads a start tag's name and skips its attributes (quotes respected). `from` is after "<". */
function readTag(html: string, from: number): { name: string; end: number; selfClosing: boolean } {
  const n = html.length;
  let j = from;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (isTagSpace(c) || c === 0x2f || c === 0x3e) break;
    j++;
  }
  const name = html.slice(from, j).toLowerCase();
  let afterEquals = false;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (c === 0x3e /* > */) {
      const selfClosing = html.charCodeAt(j - 1) === 0x2f;
      return { name, end: j + 1, selfClosing };
    }
    if ((c === 0x22 || c === 0x27) && afterEquals) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return { name, end: -1, selfClosing: false };
      j = close + 1;
      afterEquals = false;
      continue;
    }
    if (c === 0x3d /* = */) afterEquals = true;
    else if (!isTagSpace(c)) afterEquals = false;
    j++;
  }
  return { name, end: -1, selfClosing: false };
}

/** Index of the "</name" that ends a raw-text element, or -1. */
function findRawClose(html: string, from: number, name: string): number {
  const re = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index : -1;
}
