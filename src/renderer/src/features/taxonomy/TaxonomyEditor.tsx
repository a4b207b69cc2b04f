/** Edit the workspace's tag taxonomy (name, colour, hotkey) → taxonomySet. */
import { useState } from 'react';
import type { Tag } from '../../../../core/store-schema';
import { getClient } from '../../api/client';
import { Dialog } from '../../lib/Dialog';
import { EMPTY, useStore } from '../../lib/store';
import { setTaxonomy, workspaceStore } from '../documents/store';
import { reportError, showNotice } from '../errors/store';
import { useI18n } from '../i18n/i18n';
import { closeOverlay, uiStore } from '../layout/ui';
import { trackWrite } from '../statusbar/saveState';
import { tagLabel } from './tags';

export function TaxonomyEditor(): React.JSX.Element | null {
  const overlay = useStore(uiStore, (s) => s.overlay);
  if (overlay !== 'taxonomy') return null;
  return <EditorBody />;
}

export function duplicateHotkey(tags: readonly Tag[]): string | null {
  const seen = new Set<string>();
  for (const t of tags) {
    if (!t.hotkey) continue;
    if (seen.has(t.hotkey)) return t.hotkey;
    seen.add(t.hotkey);
  }
  return null;
}

/**
 * A new tag's id: unique on every machine (s7). Tag ids are what reviews store, and a team's
 * analysts add tags on their own machines: an id made from the name ("新标签") would name two
 * different tags, and a teammate's review would be exported under another tag's name.
 */
export function newTagId(taken: Set<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const id = `t-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (!taken.has(id)) return id;
  }
}

function EditorBody(): React.JSX.Element {
  const { t, lang } = useI18n();
  const initial = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const [tags, setTags] = useState<Tag[]>(() => initial.map((x) => ({ ...x })));
  const dup = duplicateHotkey(tags);
  const update = (i: number, part: Partial<Tag>): void => setTags((ts) => ts.map((x, j) => (j === i ? { ...x, ...part } : x)));
  const save = async (): Promise<void> => {
    try {
      const saved = await trackWrite(() => getClient().taxonomySet({ tags: tags.map((x) => ({ ...x, name: x.name.trim() || x.id })) }));
      setTaxonomy(saved);
      showNotice(t('tags.saved'));
      closeOverlay();
    } catch (e) {
      reportError(e, 'taxonomySet');
    }
  };
  return (
    <Dialog
      title={t('tags.editor')}
      onClose={closeOverlay}
      wide
      testId="taxonomy-editor"
      footer={
        <>
          {dup ? <span className="field-error" role="alert">{t('tags.duplicateHotkey', { key: dup })}</span> : null}
          <button type="button" onClick={closeOverlay}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="primary" disabled={!!dup} onClick={() => void save()} data-testid="taxonomy-save">
            {t('dialog.save')}
          </button>
        </>
      }
    >
      <table className="tax-table" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>{t('tags.name')}</th>
            <th>{t('tags.color')}</th>
            <th>{t('tags.hotkey')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tags.map((tag, i) => (
            <tr key={tag.id}>
              <td>
                <input aria-label={t('tags.name')} value={tag.name} onChange={(e) => update(i, { name: e.target.value })} style={{ width: '100%' }} data-testid="tax-name" />
                {tagLabel(tag, lang) !== tag.name ? (
                  <div className="muted small" data-testid="tax-shown-as">
                    {t('tag.builtinShown', { label: tagLabel(tag, lang) })}
                  </div>
                ) : null}
              </td>
              <td style={{ textAlign: 'center' }}>
                <input type="color" aria-label={t('tags.color')} value={/^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color : '#888888'} onChange={(e) => update(i, { color: e.target.value })} />
              </td>
              <td style={{ textAlign: 'center' }}>
                <input
                  aria-label={t('tags.hotkey')}
                  value={tag.hotkey ?? ''}
                  maxLength={1}
                  style={{ width: '3em', textAlign: 'center' }}
                  onChange={(e) => update(i, { hotkey: /^[0-9]$/.test(e.target.value) ? e.target.value : null })}
                />
              </td>
              <td>
                <button type="button" className="danger" onClick={() => setTags((ts) => ts.filter((_, j) => j !== i))}>
                  {t('tags.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tags.some((tag) => tagLabel(tag, lang) !== tag.name) ? (
        <p className="muted small" data-testid="tax-builtin-note">
          {t('tag.builtinNote')}
        </p>
      ) : null}
      <button
        type="button"
        style={{ marginTop: 8 }}
        onClick={() => setTags((ts) => [...ts, { id: newTagId(new Set(ts.map((x) => x.id))), name: t('tags.newName'), color: '#4b5563', hotkey: null }])}
        data-testid="tax-add"
      >
        + {t('tags.add')}
      </button>
    </Dialog>
  );
}
