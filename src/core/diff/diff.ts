import { DIFF_DELETE, DIFF_INSERT, diffCleanupSemantic, diffMain } from 'diff-match-patch-es';
import { encodeAstral } from './astral';

/** -1 delete (only in a), 0 equal, 1 insert (only in b) */
export type DiffOp = -1 | 0 | 1;

export interface DiffPart {
  op: DiffOp;
  text: string;
  /** length of text in code points */
  length: number;
}

export interface DiffOptions {
  /** seconds before diff-match-patch gives up (0 = no limit); default 1 */
  timeout?: number;
  /** run the semantic cleanup (human-readable chunks); default true */
  semantic?: boolean;
}

/**
 * Character diff of two texts that never splits a surrogate pair. Meant for paragraph against
 * paragraph (a whole report against another exceeds the timeout and degrades to delete-all /
 * insert-all). Lengths are code points.
 */
export function diffText(a: string, b: string, options: DiffOptions = {}): DiffPart[] {
  const codec = encodeAstral(a, b);
  const [ea, eb] = codec.encoded;
  const diffs = diffMain(ea, eb, { diffTimeout: options.timeout ?? 1 });
  if (options.semantic ?? true) diffCleanupSemantic(diffs);
  const out: DiffPart[] = [];
  for (const [op, s] of diffs) {
    if (!s) continue;
    const text = codec.decode(s);
    // after encoding, one UTF-16 unit is one code point
    out.push({ op: op === DIFF_DELETE ? -1 : op === DIFF_INSERT ? 1 : 0, text, length: s.length });
  }
  return out;
}
