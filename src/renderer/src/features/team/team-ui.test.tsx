// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiBridge, WorkspaceView } from '../../../../core/api';
import type { AdjudicationQueueView, TeamDecision, TeamLayersView } from '../../../../core/team/api';
import { setClientForTests } from '../../api/client';
import { workspaceStore } from '../documents/store';
import { setLang } from '../i18n/i18n';
import { reportStore } from '../report/store';
import { AdjudicationPanel } from './AdjudicationPanel';
import { TeamLayers } from './TeamLayers';
import { startTeam, teamStore } from './store';

const decision = (analyst: string, status: TeamDecision['status'], value: number | null = 9): TeamDecision => ({
  analyst, status, fields: status === 'corrected' ? { value } : {}, kind: 'count', value, unit: '次', tags: [], note: '', updatedAt: '2026-01-01T00:00:00Z',
});

type Listener = (payload: unknown) => void;

function fakeBackend(answer: (method: string, request: Record<string, unknown>) => unknown) {
  const calls: [string, Record<string, unknown>][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn(async (method: string, request: Record<string, unknown>) => {
    calls.push([method, request]);
    const value = answer(method, request);
    return value === undefined ? { ok: false, error: { code: 'internal', message: method } } : { ok: true, value };
  });
  const on = (event: string, l: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(l);
    listeners.set(event, set);
    return () => set.delete(l);
  };
  setClientForTests({ invoke, on } as unknown as ApiBridge);
  const emit = (event: string, payload: unknown): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { calls, emit };
}

const ws: WorkspaceView = { dir: '/tmp/ws', name: 'ws', isSample: false, documents: [], taxonomy: [], notices: [] };

afterEach(cleanup);

describe("teammates' layers follow the service's event", () => {
  it('a teammate review arriving for the open report updates the layers shown and keeps the selection', async () => {
    setLang('en');
    let b = decision('b', 'accepted');
    const layersOf = (): TeamLayersView => ({
      documentId: 'd1',
      layers: [
        { analyst: 'me', name: 'Wang', isMe: true, reviewed: 1, otherVersion: false, unreadable: false },
        { analyst: 'b', name: 'Li', isMe: false, reviewed: 1, otherVersion: false, unreadable: false },
      ],
      decisions: { f1: [decision('me', 'accepted'), b] },
      findings: [],
    });
    const { calls, emit } = fakeBackend((m) => (m === 'teamLayers' ? layersOf() : m === 'teamAnalysts' ? [] : m === 'teamMyQueue' ? { assigned: false, documents: [] } : undefined));
    workspaceStore.patch({ workspace: ws });
    reportStore.patch({ docId: 'd1', selectedId: 'f1' });
    startTeam();
    render(<TeamLayers findingId="f1" type="figure" />);
    await waitFor(() => expect(screen.getByTestId('layer-decision').getAttribute('data-status')).toBe('accepted'));
    expect(screen.queryByTestId('layer-differs')).toBeNull();
    // Li corrects the value on her machine; the service pushes teamChanged for the report
    b = decision('b', 'corrected', 90000);
    const before = calls.filter(([m]) => m === 'teamLayers').length;
    act(() => emit('teamChanged', { documentIds: ['d1'], analysts: ['b'], assignment: false }));
    await waitFor(() => expect(screen.getByTestId('layer-decision').getAttribute('data-status')).toBe('corrected'));
    expect(screen.getByTestId('layer-values').textContent).toContain('90,000');
    expect(screen.getByTestId('layer-differs')).toBeTruthy();
    expect(calls.filter(([m]) => m === 'teamLayers').length).toBe(before + 1);
    expect(reportStore.get().selectedId).toBe('f1');
    // an event about another report does not reload this one
    act(() => emit('teamChanged', { documentIds: ['d2'], analysts: ['b'], assignment: false }));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.filter(([m]) => m === 'teamLayers').length).toBe(before + 1);
    // my work only hides the teammates' decisions
    fireEvent.click(screen.getByTestId('layer-mine-only'));
    expect(screen.queryByTestId('layer-decision')).toBeNull();
    fireEvent.click(screen.getByTestId('layer-mine-only'));
    expect(screen.getByTestId('layer-decision')).toBeTruthy();
  });
});

describe('adjudication queue by keyboard', () => {
  it('j/k move, a digit takes that analyst’s side through teamAdjudicate, x rejects, and the queue moves on to the next open item', async () => {
    setLang('en');
    const item = (id: string, cls: 'agree' | 'single' | 'disagree', start: number, ds: TeamDecision[]): AdjudicationQueueView['items'][number] => ({
      id, class: cls, start, end: start + 2, quote: `q${id}`, decisions: ds.map((d) => ({ findingId: id, type: 'figure' as const, decision: d })), missing: [], resolution: null, stale: false,
    });
    let items = [
      item('i1', 'agree', 0, [decision('a', 'accepted'), decision('b', 'accepted')]),
      item('i2', 'disagree', 10, [decision('a', 'accepted'), decision('b', 'corrected', 12)]),
      item('i3', 'single', 20, [decision('b', 'accepted')]),
      item('i4', 'disagree', 30, [decision('a', 'accepted'), decision('b', 'rejected')]),
    ];
    const queue = (): AdjudicationQueueView => ({
      documentId: 'd1', items, adjudicatedBy: null,
      counts: { agree: 1, single: 1, disagree: 2, open: items.filter((i) => i.class !== 'agree' && !i.resolution).length, resolved: items.filter((i) => i.resolution).length },
    });
    const { calls } = fakeBackend((m, r) => {
      if (m === 'teamAdjudicationSummary') return { documents: [{ documentId: 'd1', name: 'r1.txt', analysts: ['a', 'b'], counts: queue().counts, adjudicatedBy: null }] };
      if (m === 'teamAdjudicationQueue') return queue();
      if (m === 'teamAdjudicate') {
        items = items.map((i) => (i.id === r.item ? { ...i, resolution: r.choice ? { choice: r.choice as never, by: 'a', at: 'now' } : null } : i));
        return queue();
      }
      return undefined;
    });
    teamStore.patch({ analysts: [{ id: 'a', name: 'Wang', isMe: true, documents: 1, lastActive: null }, { id: 'b', name: 'Li', isMe: false, documents: 1, lastActive: null }] });
    render(<AdjudicationPanel />);
    fireEvent.click(await screen.findByTestId('adj-doc'));
    // disagreements first (i2, i4), then the single one (i3), then the agreed one (i1)
    await waitFor(() => expect(screen.getAllByTestId('adj-item').map((e) => e.getAttribute('data-item'))).toEqual(['i2', 'i4', 'i3', 'i1']));
    const current = (): string | null => document.querySelector('[data-testid="adj-item"][aria-current="true"]')?.getAttribute('data-item') ?? null;
    expect(current()).toBe('i2');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(current()).toBe('i4');
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(current()).toBe('i2');
    // 2: take Li's side (the second listed) for i2
    fireEvent.keyDown(document.body, { key: '2' });
    await waitFor(() => expect(calls.some(([m, r]) => m === 'teamAdjudicate' && r.item === 'i2' && JSON.stringify(r.choice) === JSON.stringify({ take: 'b' }))).toBe(true));
    await waitFor(() => expect(current()).toBe('i4'));
    expect(screen.getAllByTestId('adj-item')[0]!.getAttribute('data-resolution')).toBe('b');
    // x: i4 is not a finding
    fireEvent.keyDown(document.body, { key: 'x' });
    await waitFor(() => expect(calls.some(([m, r]) => m === 'teamAdjudicate' && r.item === 'i4' && JSON.stringify(r.choice) === JSON.stringify({ reject: true }))).toBe(true));
    await waitFor(() => expect(current()).toBe('i3'));
    // k back to i4, u undoes the choice (choice null), and the selection stays on it
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(current()).toBe('i4');
    fireEvent.keyDown(document.body, { key: 'u' });
    await waitFor(() => expect(calls.some(([m, r]) => m === 'teamAdjudicate' && r.item === 'i4' && r.choice === null)).toBe(true));
    await waitFor(() => expect(document.querySelector('[data-item="i4"]')?.getAttribute('data-resolution')).toBe(''));
    expect(current()).toBe('i4');
    // a key typed into a field is not a queue key
    const input = document.createElement('input');
    document.body.appendChild(input);
    const n = calls.length;
    fireEvent.keyDown(input, { key: '1' });
    expect(calls.length).toBe(n);
    input.remove();
  });
});
