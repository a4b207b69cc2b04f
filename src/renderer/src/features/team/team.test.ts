import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TeamDecision } from '../../../../core/team/api';
import { exportLayerRequest } from './ExportLayerField';
import { limitRows } from './limit';
import { adoptable } from './store';
import { noticeText } from '../documents/store';
import { setLang } from '../i18n/i18n';
import { sameDecision, visibleDecisions } from './layers';
import { bandOf, cellsOf, formatMeasure, measuresFor } from './matrix';
import { ADJUDICATION_KEYS, GROUP_ORDER, moveIndex, nextOpen, queueKey, queueOrder } from './queue';
import { en, zh } from '../i18n/messages';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

const decision = (analyst: string, status: TeamDecision['status'], value: number | null = 9, over: Partial<TeamDecision> = {}): TeamDecision => ({
  analyst, status, fields: {}, kind: 'count', value, unit: '次', tags: [], note: '', updatedAt: '2026-01-01T00:00:00Z', ...over,
});

describe('adjudication queue order and keys', () => {
  it('the ? sheet lists every queue key, each as the queue reads it, with a label in both languages (team-s6)', () => {
    const expected: Record<string, string> = { 'adj-move': 'move', 'adj-take': 'take', 'adj-reject': 'reject', 'adj-edit': 'edit', 'adj-undo': 'undo', 'adj-accept-agree': 'acceptAgree', 'adj-open': 'open' };
    const arrows: Record<string, string> = { '↓': 'ArrowDown', '↑': 'ArrowUp' };
    const listed = new Set<string>();
    for (const b of ADJUDICATION_KEYS) {
      for (const k of b.keys) {
        if (k === '…') continue;
        const read = queueKey(key(arrows[k] ?? k));
        expect(read?.type, `${k} on the sheet`).toBe(expected[b.id]);
        listed.add(read!.type);
      }
      expect(en[b.label]).toBeTruthy();
      expect(zh[b.label]).toBeTruthy();
    }
    // every kind of queue key the queue reads is on the sheet
    const types = new Set([...'abcdefghijklmnopqrstuvwxyz123456789'].map((k) => queueKey(key(k))?.type).filter((x): x is NonNullable<typeof x> => !!x));
    expect([...types].sort()).toEqual([...listed].sort());
  });

  it('puts disagreements first, then single-analyst items, then agreed ones, each in reading order', () => {
    const items = [
      { id: 'a', class: 'agree' as const, start: 1, end: 2 },
      { id: 'b', class: 'disagree' as const, start: 50, end: 52 },
      { id: 'c', class: 'single' as const, start: 3, end: 4 },
      { id: 'd', class: 'disagree' as const, start: 10, end: 12 },
    ];
    expect(queueOrder(items).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('is a permutation whose groups never go back (any items)', () => {
    const item = fc.record({ id: fc.string({ maxLength: 4 }), class: fc.constantFrom(...GROUP_ORDER), start: fc.nat(1000), end: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const out = queueOrder(items);
        expect(out).toHaveLength(items.length);
        expect(new Set(out)).toEqual(new Set(items));
        for (let i = 1; i < out.length; i++) {
          const r0 = GROUP_ORDER.indexOf(out[i - 1]!.class);
          const r1 = GROUP_ORDER.indexOf(out[i]!.class);
          expect(r1 >= r0).toBe(true);
          if (r0 === r1) expect(out[i]!.start >= out[i - 1]!.start).toBe(true);
        }
      }),
    );
  });

  it('reads the review keys: j/k move, digits take a side, x e u a o', () => {
    expect(queueKey(key('j'))).toEqual({ type: 'move', dir: 1 });
    expect(queueKey(key('k'))).toEqual({ type: 'move', dir: -1 });
    expect(queueKey(key('1'))).toEqual({ type: 'take', index: 0 });
    expect(queueKey(key('9'))).toEqual({ type: 'take', index: 8 });
    expect(queueKey(key('0'))).toBeNull();
    expect(queueKey(key('x'))).toEqual({ type: 'reject' });
    expect(queueKey(key('e'))).toEqual({ type: 'edit' });
    expect(queueKey(key('u'))).toEqual({ type: 'undo' });
    expect(queueKey(key('a'))).toEqual({ type: 'acceptAgree' });
    expect(queueKey(key('o'))).toEqual({ type: 'open' });
    // modified keys belong to the app (Ctrl+E export, Ctrl+Z undo), not to the queue
    expect(queueKey(key('e', { ctrlKey: true }))).toBeNull();
    expect(queueKey(key('z', { ctrlKey: true }))).toBeNull();
    expect(queueKey(key('A', { shiftKey: true }))).toBeNull();
  });

  it('moves inside the list and, after a decision, on to the next open item', () => {
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(nextOpen([false, true, false, true], 1)).toBe(3);
    expect(nextOpen([true, false, false, false], 2)).toBe(0);
    expect(nextOpen([false, false], 1)).toBe(1);
  });
});

describe('agreement matrix cells', () => {
  it('offers value only per kind and kind only pooled', () => {
    expect(measuresFor('all')).toEqual(['f1', 'status', 'unit', 'kind']);
    expect(measuresFor('money')).toEqual(['f1', 'status', 'unit', 'value']);
  });

  it('bands at 0.8 and 0.667; undefined figures are a dash, not a zero', () => {
    expect(bandOf(0.8)).toBe('high');
    expect(bandOf(0.79)).toBe('mid');
    expect(bandOf(0.667)).toBe('mid');
    expect(bandOf(0.5)).toBe('low');
    expect(bandOf(-0.2)).toBe('low');
    expect(bandOf(null)).toBe('none');
    expect(formatMeasure(null)).toBe('—');
    expect(formatMeasure(0)).toBe('0.00');
    expect(formatMeasure(2 / 3)).toBe('0.67');
  });

  it('leaves the diagonal blank and keeps the off-diagonal figures as given', () => {
    const cells = cellsOf([[1, 0.5, null], [0.5, 1, 0.9], [null, 0.9, 1]], 3);
    expect(cells[0]![0]).toMatchObject({ diagonal: true, text: '' });
    expect(cells[0]![1]).toMatchObject({ value: 0.5, text: '0.50', band: 'low' });
    expect(cells[2]![0]).toMatchObject({ value: null, text: '—', band: 'none' });
    expect(cells[1]![2]!.text).toBe('0.90');
  });
});

describe("teammates' decisions in the inspector", () => {
  const layers = [
    { analyst: 'me', name: '王', isMe: true },
    { analyst: 'b', name: '李', isMe: false },
    { analyst: 'c', name: '陈', isMe: false },
  ];
  const ds = [decision('me', 'accepted'), decision('c', 'rejected'), decision('b', 'corrected', 90000), decision('x', 'suggested')];

  it("never lists the analyst's own decision nor undecided ones; filters by analyst; my work only hides them all", () => {
    expect(visibleDecisions(ds, layers, { analyst: 'all', mineOnly: false }).map((d) => d.analyst)).toEqual(['c', 'b']); // by name: 陈 (chen) before 李 (li)
    expect(visibleDecisions(ds, layers, { analyst: 'c', mineOnly: false }).map((d) => d.analyst)).toEqual(['c']);
    expect(visibleDecisions(ds, layers, { analyst: 'all', mineOnly: true })).toEqual([]);
    expect(visibleDecisions(undefined, layers, { analyst: 'all', mineOnly: false })).toEqual([]);
  });

  it('counts accepted-as-found and corrected-to-the-same-values as the same decision', () => {
    expect(sameDecision(decision('b', 'corrected', 9), decision('me', 'accepted', 9))).toBe(true);
    expect(sameDecision(decision('b', 'corrected', 90000), decision('me', 'accepted', 9))).toBe(false);
    expect(sameDecision(decision('b', 'accepted', 9, { unit: '个' }), decision('me', 'accepted', 9))).toBe(false);
    expect(sameDecision(decision('b', 'rejected'), decision('me', 'accepted'))).toBe(false);
    expect(sameDecision(decision('b', 'rejected', 1), decision('me', 'rejected', 2))).toBe(true);
    expect(sameDecision(decision('b', 'accepted'), undefined)).toBe(false);
  });
});

describe('export layer', () => {
  it('asks for my work by leaving the layer out, and names the others', () => {
    expect(exportLayerRequest('mine', 'me')).toEqual({});
    expect(exportLayerRequest('adjudicated', 'me')).toEqual({ layer: 'adjudicated' });
    expect(exportLayerRequest('all', 'me')).toEqual({ layer: 'all' });
    expect(exportLayerRequest('analyst:b', 'me')).toEqual({ layer: { analyst: 'b' } });
    expect(exportLayerRequest('analyst:me', 'me')).toEqual({});
  });
});

describe('long lists', () => {
  it('filters by name, draws only the first rows, and says how many matched', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ name: `${i % 2 ? '市' : '省'}报告${i}` }));
    const all = limitRows(rows, '', (r) => r.name);
    expect(all.shown).toHaveLength(300);
    expect(all.matched).toBe(2000);
    const some = limitRows(rows, '省报告1', (r) => r.name, 5);
    expect(some.shown.every((r) => r.name.includes('省报告1'))).toBe(true);
    expect(some.shown).toHaveLength(5);
    expect(some.matched).toBe(rows.filter((r) => r.name.includes('省报告1')).length);
  });
});

describe('team notices in the analyst language', () => {
  it('words the service notice of a merged sync conflict from its code and params, not its English text', () => {
    setLang('zh');
    const n = { code: 'work-conflict-merged', message: 'Your work on a.txt was changed on two computers at once', params: { name: 'a.txt', copies: 1, superseded: 2 } };
    const zh = noticeText(n);
    expect(zh).toContain('a.txt');
    expect(zh).toContain('有 2 处不同');
    expect(zh).not.toMatch(/Your work/);
    setLang('en');
    expect(noticeText(n)).toContain('(1 conflicting copy)');
  });
});

describe('taking over an earlier analyst id', () => {
  const a = (id: string, isMe: boolean, documents: number) => ({ id, name: id, isMe, documents, lastActive: null });
  it('is offered only while I have no work here, and only analysts who have some', () => {
    expect(adoptable([a('new', true, 0), a('wang', false, 12), a('empty', false, 0)]).map((x) => x.id)).toEqual(['wang']);
    expect(adoptable([a('me', true, 3), a('wang', false, 12)])).toEqual([]);
    expect(adoptable([a('wang', false, 12)])).toEqual([]);
  });
});
