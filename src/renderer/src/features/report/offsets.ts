/**
 * THE one place where the renderer converts code point offsets (stored, API, exports) to
 * UTF-16 offsets (JavaScript strings, the DOM) and back. Built on core/text OffsetMap.
 */
import { OffsetMap } from '../../../../core/text';

export class TextIndex {
  readonly map: OffsetMap;
  constructor(readonly text: string) {
    this.map = new OffsetMap(text);
  }

  /** Length in code points. */
  get length(): number {
    return this.map.cpLength;
  }

  /** UTF-16 offset of a code point offset (clamped to the text). */
  toUtf16(cp: number): number {
    return this.map.toUtf16(Math.max(0, Math.min(cp, this.map.cpLength)));
  }

  /** Code point offset of a UTF-16 offset. */
  toCp(u: number): number {
    return this.map.toCp(Math.max(0, Math.min(u, this.map.utf16Length)));
  }

  /** The text of a code point span [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /**
   * The code point offset of a DOM position inside a rendered segment: the segment starts at
   * code point `segmentStart`, and `unitOffset` counts UTF-16 units into its text.
   */
  domOffsetToCp(segmentStart: number, unitOffset: number): number {
    return this.toCp(this.toUtf16(segmentStart) + unitOffset);
  }
}
