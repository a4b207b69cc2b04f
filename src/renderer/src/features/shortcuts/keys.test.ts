import { describe, expect, it } from 'vitest';
import { BINDINGS, matchKey, withKeys } from './keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
});

describe('key table', () => {
  it('maps review keys to commands', () => {
    expect(matchKey(key('j'))?.id).toBe('next');
    expect(matchKey(key('k'))?.id).toBe('prev');
    expect(matchKey(key('n'))?.id).toBe('nextUnreviewed');
    expect(matchKey(key('a'))?.id).toBe('accept');
    expect(matchKey(key('x'))?.id).toBe('reject');
    expect(matchKey(key('e'))?.id).toBe('edit');
    expect(matchKey(key('t'))?.id).toBe('tagPicker');
    expect(matchKey(key('/'))?.id).toBe('search');
    expect(matchKey(key('?', { shiftKey: true }))?.id).toBe('help');
    expect(matchKey(key('Enter'))?.id).toBe('acceptNext');
    expect(matchKey(key('3'))).toEqual({ id: 'toggleTag', digit: '3' });
    expect(matchKey(key('A', { shiftKey: true }))?.id).toBe('bulkAccept');
  });

  it('maps undo and redo with Ctrl or Cmd', () => {
    expect(matchKey(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(matchKey(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(matchKey(key('z', { metaKey: true }))?.id).toBe('undo');
    expect(matchKey(key('y', { ctrlKey: true }))?.id).toBe('redo');
  });

  it('maps export (Ctrl+E) and the view switch (v)', () => {
    expect(matchKey(key('e', { ctrlKey: true }))?.id).toBe('export');
    expect(matchKey(key('e', { metaKey: true }))?.id).toBe('export');
    expect(matchKey(key('E', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchKey(key('v'))?.id).toBe('toggleView');
  });

  it('ignores other modifiers and unknown keys', () => {
    expect(matchKey(key('j', { ctrlKey: true }))).toBeNull();
    expect(matchKey(key('j', { altKey: true }))).toBeNull();
    expect(matchKey(key('q'))).toBeNull();
  });

  it('every command has its keys in its tooltip', () => {
    for (const b of BINDINGS) expect(withKeys('X', b.id)).toMatch(/\(.+\)$/);
    expect(withKeys('Accept', 'accept')).toBe('Accept (a)');
  });

  it('maps the keys of issue 15: skip, next/previous report, the findings list, caret mode, select all', () => {
    expect(matchKey(key('s'))?.id).toBe('skip');
    expect(matchKey(key('ArrowDown', { altKey: true }))?.id).toBe('nextReport');
    expect(matchKey(key('ArrowUp', { altKey: true }))?.id).toBe('prevReport');
    expect(matchKey(key('l'))?.id).toBe('findingsList');
    expect(matchKey(key('c'))?.id).toBe('caret');
    expect(matchKey(key('a', { ctrlKey: true }))?.id).toBe('selectAll');
    expect(matchKey(key('ArrowDown'))).toBeNull();
    // every key is shown once in the ? sheet
    const shown = BINDINGS.flatMap((b) => b.keys);
    expect(new Set(shown).size).toBe(shown.length);
  });
});
