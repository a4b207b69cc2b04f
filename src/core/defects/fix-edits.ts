/**
 * The edits a defect's fix makes to its text: where the fix (`replacement`) differs from the text,
 * as a list of replacements. A long fix (a hard-wrapped report: hundreds of line breaks joined
 * over the whole text) is described by its few edits — to show a few of them, to count them and
 * to send it to the UI without a second copy of the report.
 *
 * The edits are found by a greedy linear walk (common runs are skipped; at a difference the
 * nearest place where both sides agree again is looked for within a small window), so they are
 * not always the fewest — but applying them to the text always gives the fix back exactly: what
 * the walk cannot match is one edit to the end.
 */

/** One edit: the UTF-16 range [at, at + del) of the text is replaced by `ins`. */
export interface FixEdit {
  at: number;
  del: number;
  ins: string;
}

/** how far (in UTF-16 units, both sides together) a resynchronisation is looked for */
const WINDOW = 48;
/** how many units must agree for the two sides to count as back in step */
const AGREE = 8;

function agreeAt(a: string, i: number, b: string, j: number): boolean {
  const n = Math.min(AGREE, a.length - i, b.length - j);
  // the two ends reached together are in step; one end alone is not (unless the other is close enough to agree fully)
  if (n <= 0) return a.length - i === 0 && b.length - j === 0;
  if (n < AGREE && a.length - i !== b.length - j) return false;
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** The edits turning `text` into `fix` (at ascending, in `text`'s UTF-16 offsets). */
export function fixEdits(text: string, fix: string): FixEdit[] {
  const out: FixEdit[] = [];
  let i = 0;
  let j = 0;
  const a = text;
  const b = fix;
  while (i < a.length || j < b.length) {
    while (i < a.length && j < b.length && a.charCodeAt(i) === b.charCodeAt(j)) {
      i++;
      j++;
    }
    if (i === a.length && j === b.length) break;
    let found = false;
    search: for (let total = 1; total <= WINDOW; total++) {
      for (let di = 0; di <= total; di++) {
        const dj = total - di;
        if (i + di > a.length || j + dj > b.length) continue;
        if (agreeAt(a, i + di, b, j + dj)) {
          out.push({ at: i, del: di, ins: b.slice(j, j + dj) });
          i += di;
          j += dj;
          found = true;
          break search;
        }
      }
    }
    if (!found) {
      out.push({ at: i, del: a.length - i, ins: b.slice(j) });
      break;
    }
  }
  return out;
}

/** The fix back from the text and its edits. */
export function applyFixEdits(text: string, edits: readonly FixEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.at) + e.ins;
    at = e.at + e.del;
  }
  return out + text.slice(at);
}
