/** One paragraph of the report, split into highlight segments (memoised: re-renders only when its findings change). */
import { memo, useMemo } from 'react';
import type { Review } from '../../../../core/store-schema';
import type { Paragraph as Para } from '../../../../core/text';
import type { Mark } from './model';
import type { TextIndex } from './offsets';
import { type Segment, segmentParagraph, topMark } from './segments';

export interface ParagraphProps {
  index: number;
  para: Para;
  text: TextIndex;
  /** marks to draw (already filtered) */
  marks: Mark[];
  /** status etc. of the marks' findings */
  reviews: Record<string, Review>;
  /** signature of the reviews of this paragraph's marks (for memo) */
  sig: string;
  selectedId: string | null;
  lang: string;
}

const TRAD = /[這們會國說為發區經當對與關實時體動點們過還進應開]/g;
const SIMP = /[这们会国说为发区经当对与关实时体动点过还进应开]/g;

/** zh-Hant when a paragraph uses Traditional forms, so it gets the TC faces. */
export function paragraphLang(text: string, fallback: string): string {
  const trad = text.match(TRAD)?.length ?? 0;
  if (trad === 0) return fallback;
  const simp = text.match(SIMP)?.length ?? 0;
  return trad > simp ? 'zh-Hant' : fallback;
}

function classesOf(seg: Segment, selectedId: string | null, reviews: Record<string, Review>): { cls: string; top: Mark | null } {
  const top = topMark(seg, selectedId);
  if (!top) return { cls: 'seg', top: null };
  const parts = ['seg', 'hl'];
  const kinds = new Set<string>();
  for (const m of seg.marks) {
    if (m.type === 'search') kinds.add('k-hit');
    else if (m.dimmed) kinds.add('k-dim');
    else kinds.add(m.type === 'figure' ? 'k-fig' : m.type === 'duplicate' ? 'k-dup' : 'k-def');
    if (m.id === selectedId) parts.push('sel');
  }
  parts.push(...kinds);
  if (top.type !== 'search') {
    const status = reviews[top.id]?.status ?? 'suggested';
    if (!(top.dimmed && status === 'suggested')) parts.push(`s-${status}`);
    if (status === 'corrected' && seg.end === top.end) parts.push('corner');
    if (!top.primary) parts.push('other-place');
  }
  return { cls: parts.join(' '), top };
}

/**
 * The segments as elements; the selected finding's run of segments, when nested findings cut it
 * into several, is wrapped in one element that carries the focus ring — one ring around the
 * whole finding, not one per piece.
 */
function ringed(segments: Segment[], selectedId: string | null, render: (seg: Segment, inRing: boolean) => React.JSX.Element): React.ReactNode[] {
  const isSel = (seg: Segment): boolean => selectedId !== null && seg.marks.some((m) => m.id === selectedId);
  const out: React.ReactNode[] = [];
  for (let i = 0; i < segments.length; ) {
    let j = i;
    while (j < segments.length && isSel(segments[j])) j++;
    if (j - i > 1) {
      out.push(
        <span key={`ring-${segments[i].start}`} className="sel-ring" data-ring="1">
          {segments.slice(i, j).map((seg) => render(seg, true))}
        </span>,
      );
      i = j;
    } else {
      out.push(render(segments[i], false));
      i++;
    }
  }
  return out;
}

function ParagraphImpl(props: ParagraphProps): React.JSX.Element {
  const { para, text, marks, reviews, selectedId, index } = props;
  const segments = useMemo(() => segmentParagraph(para.start, para.end, marks), [para, marks]);
  const lang = useMemo(() => paragraphLang(para.text, props.lang), [para.text, props.lang]);
  const hasDup = marks.some((m) => m.type === 'duplicate' && !m.dimmed);
  return (
    <p data-pi={index} data-pe={para.end} className={hasDup ? 'para has-dup' : 'para'} lang={lang}>
      {ringed(segments, selectedId, (seg, inRing) => {
        const { cls, top } = classesOf(seg, selectedId, reviews);
        const ids = seg.marks.length > 1 ? seg.marks.map((m) => m.id).join(' ') : undefined;
        return (
          <span key={seg.start} className={inRing ? `${cls} in-ring` : cls} data-s={seg.start} data-e={seg.end} data-fid={top && top.type !== 'search' ? top.id : undefined} data-fids={ids}>
            {text.slice(seg.start, seg.end)}
            {seg.points.map((p) => {
              const status = reviews[p.id]?.status ?? 'suggested';
              return (
                <span key={p.id} className={`pt k-def s-${status}${p.id === selectedId ? ' sel' : ''}`} data-fid={p.id} data-point="1" aria-label={p.kind}>
                  ¶
                </span>
              );
            })}
          </span>
        );
      })}
    </p>
  );
}

export const Paragraph = memo(ParagraphImpl, (a, b) =>
  a.para === b.para && a.marks === b.marks && a.sig === b.sig && a.selectedId === b.selectedId && a.text === b.text && a.lang === b.lang && a.index === b.index,
);
