/**
 * A cache file on disk keeps each quoted span's text only where it is not simply the report's
 * text between its offsets: a figure's, a defect's and every place of a duplicate's `text` is
 * written as '' when it equals that slice, and filled back from the text on read. For the
 * duplicate-heavy reports of a workspace this is most of the file (a repeated paragraph was
 * stored once per place). It is exact: the file says so (`sliced`), and it is done only when
 * no span holds an empty text over a non-empty range (which would be filled back wrongly).
 */
import type { CacheFile, Finding } from '../../core/store-schema';
import { OffsetMap, cpSlice } from '../../core/text';

interface Span {
  start: number;
  end: number;
  text: string;
}

function spansOf(f: Finding): Span[] {
  switch (f.type) {
    case 'figure':
      return [f.data];
    case 'defect':
      return f.data.check?.related ? [f.data, f.data.check.related] : [f.data];
    case 'duplicate':
      return [f.data.a, f.data.b, ...(f.data.places ?? [])];
  }
}

/** The same finding with its spans' texts blanked where `keep` says no (a copy; the input is not changed). */
function withTexts(f: Finding, text: (s: Span) => string): Finding {
  const span = <S extends Span>(s: S): S => ({ ...s, text: text(s) });
  switch (f.type) {
    case 'figure':
      return { ...f, data: span(f.data) };
    case 'defect': {
      const d = span(f.data);
      if (d.check?.related) d.check = { ...d.check, related: span(d.check.related) };
      return { ...f, data: d };
    }
    case 'duplicate':
      return { ...f, data: { ...f.data, a: span(f.data.a), b: span(f.data.b), ...(f.data.places ? { places: f.data.places.map(span) } : {}) } };
  }
}

/** The cache as written: texts that are slices of the report blanked (`sliced: true`), when that is exact. */
export function encodeCache(c: CacheFile): CacheFile {
  if (c.sliced) return c;
  for (const f of c.findings) for (const s of spansOf(f)) if (s.text === '' && s.end > s.start) return c;
  const map = new OffsetMap(c.text);
  const findings = c.findings.map((f) => withTexts(f, (s) => (s.end > s.start && s.text === cpSlice(c.text, s.start, s.end, map) ? '' : s.text)));
  return { ...c, sliced: true, findings };
}

/** The cache as read: blanked texts filled back from the report (in place: `c` was just parsed). */
export function decodeCache(c: CacheFile): CacheFile {
  if (!c.sliced) return c;
  const map = new OffsetMap(c.text);
  for (const f of c.findings) for (const s of spansOf(f)) if (s.text === '' && s.end > s.start) s.text = cpSlice(c.text, s.start, s.end, map);
  c.sliced = false;
  return c;
}
