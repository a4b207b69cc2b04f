// @vitest-environment jsdom
/**
 * [warn-s7] The default taxonomy's tags are stored with Chinese names; in the English UI they are
 * shown in English (chips, picker, filter), while ids and stored names stay as they are and a tag
 * the analyst made or renamed is shown as written.
 */
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tag } from '../../../../core/store-schema';
import { workspaceStore } from '../documents/store';
import { setLang } from '../i18n/i18n';
import { closeOverlay, openOverlay } from '../layout/ui';
import { TagChips } from './TagChips';
import { TaxonomyEditor } from './TaxonomyEditor';
import { BUILTIN_TAG_NAMES, tagLabel } from './tags';

const builtin: Tag[] = Object.entries(BUILTIN_TAG_NAMES).map(([id, name], i) => ({ id, name, color: '#1f77b4', hotkey: String((i + 1) % 10) }));
const mine: Tag = { id: 'x-mine', name: '我的标签', color: '#123456', hotkey: null };
const renamed: Tag = { id: 'economy', name: 'Growth', color: '#e377c2', hotkey: '7' };

afterEach(() => {
  cleanup();
  setLang('en');
});

describe('built-in tag labels', () => {
  it('every built-in tag has an English label different from its Chinese name, and the Chinese label is the stored name', () => {
    for (const tag of builtin) {
      expect(tagLabel(tag, 'en')).not.toBe(tag.name);
      expect(tagLabel(tag, 'en')).toMatch(/^[A-Z][\w’ -]+$/);
      expect(tagLabel(tag, 'zh')).toBe(tag.name);
    }
    expect(new Set(builtin.map((x) => tagLabel(x, 'en'))).size).toBe(builtin.length);
  });

  it('a user-made tag, a renamed built-in tag and an unknown id with a built-in name are shown as written', () => {
    expect(tagLabel(mine, 'en')).toBe('我的标签');
    expect(tagLabel(renamed, 'en')).toBe('Growth');
    expect(tagLabel({ id: 'my-law', name: '立法' }, 'en')).toBe('立法');
    // an id that is a property of every object is not a built-in tag
    expect(tagLabel({ id: 'constructor', name: 'x' }, 'en')).toBe('x');
  });

  it('the finding’s tag chips: English labels in English, the stored Chinese names in Chinese; toggling still uses the id', () => {
    workspaceStore.patch({ workspace: { dir: '/w', name: 'w', isSample: false, documents: [], taxonomy: [...builtin.slice(0, 2), mine], notices: [] } });
    setLang('en');
    const en = render(<TagChips findingId="f1" tags={['legislation']} />);
    const chips = en.getAllByTestId('tag-chip');
    expect(chips.map((c) => c.textContent)).toEqual(['1Legislation', '2Oversight', '我的标签']);
    expect(chips.map((c) => c.getAttribute('data-tag'))).toEqual(['legislation', 'supervision', 'x-mine']);
    expect(chips[0].getAttribute('title')).toBe('Legislation (1)');
    cleanup();
    setLang('zh');
    const zh = render(<TagChips findingId="f1" tags={['legislation']} />);
    expect(zh.getAllByTestId('tag-chip').map((c) => c.textContent)).toEqual(['1立法', '2监督', '我的标签']);
    fireEvent.click(zh.getAllByTestId('tag-chip')[0]); // no throw without a report open
  });

  it('the taxonomy editor keeps the stored names editable and says how a built-in tag is shown; renaming one drops the hint', () => {
    workspaceStore.patch({ workspace: { dir: '/w', name: 'w', isSample: false, documents: [], taxonomy: [builtin[0], mine], notices: [] } });
    setLang('en');
    openOverlay('taxonomy');
    const r = render(<TaxonomyEditor />);
    const names = r.getAllByTestId('tax-name') as HTMLInputElement[];
    expect(names.map((i) => i.value)).toEqual(['立法', '我的标签']);
    expect(r.getAllByTestId('tax-shown-as').map((e) => e.textContent)).toEqual(['shown as “Legislation”']);
    expect(r.getByTestId('tax-builtin-note')).toBeTruthy();
    fireEvent.change(names[0], { target: { value: 'Lawmaking' } });
    expect(r.queryAllByTestId('tax-shown-as')).toHaveLength(0);
    expect(r.queryByTestId('tax-builtin-note')).toBeNull();
    closeOverlay();
  });
});
