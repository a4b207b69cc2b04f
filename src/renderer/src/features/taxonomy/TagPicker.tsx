/** `t`: pick tags for the selected finding, or (`g`) tag the selected text as a new manual finding. */
import { useState } from 'react';
import { Dialog } from '../../lib/Dialog';
import { EMPTY, useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { useI18n } from '../i18n/i18n';
import { closeOverlay, uiStore } from '../layout/ui';
import { addManualFigure } from '../report/manual';
import { selectionStore } from '../report/selection';
import { applyAction, reportStore } from '../report/store';
import { hotkeyOf, safeTagColor, tagLabel, textOn } from './tags';

export function TagPicker(): React.JSX.Element | null {
  const overlay = useStore(uiStore, (s) => s.overlay);
  if (overlay !== 'tagPicker') return null;
  return <TagPickerBody />;
}

function TagPickerBody(): React.JSX.Element {
  const { t, lang } = useI18n();
  const target = useStore(uiStore, (s) => s.tagPickerTarget);
  const taxonomy = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const findingId = useStore(reportStore, (s) => s.selectedId);
  const tags: readonly string[] = useStore(reportStore, (s) => (s.selectedId ? (s.reviews[s.selectedId]?.tags ?? EMPTY) : EMPTY));
  const sel = useStore(selectionStore, (s) => s.sel);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const needle = q.toLowerCase();
  // warn-s7: a built-in tag is found by its stored name and by its label in the analyst's language
  const list = taxonomy.filter((x) => x.name.toLowerCase().includes(needle) || tagLabel(x, lang).toLowerCase().includes(needle) || x.id.includes(needle));
  const choose = (id: string): void => {
    if (target === 'selection') {
      if (sel) void addManualFigure(sel, [id]);
      closeOverlay();
      return;
    }
    if (findingId) void applyAction({ type: 'toggleTag', findingId, tag: id });
  };
  return (
    <Dialog title={target === 'selection' ? t('report.tagSpan') : t('tags.picker')} onClose={closeOverlay} testId="tag-picker">
      <input
        className="full"
        type="search"
        value={q}
        placeholder={t('tags.filter')}
        aria-label={t('tags.filter')}
        autoFocus
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(list.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && list[active]) {
            e.preventDefault();
            choose(list[active].id);
          }
        }}
        data-testid="tag-filter"
      />
      <ul className="tag-list" role="listbox" style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {list.length === 0 ? <li className="muted">{t('tags.none')}</li> : null}
        {list.map((tag, i) => {
          const on = target === 'finding' && tags.includes(tag.id);
          const key = hotkeyOf(taxonomy, tag);
          return (
            <li key={tag.id} role="option" aria-selected={i === active}>
              <button
                type="button"
                className="chip"
                // the active row is highlighted, not ringed: the one focus ring is the filter field's
                style={{ width: '100%', justifyContent: 'flex-start', margin: '2px 0', borderRadius: 6, ...(i === active ? { background: 'var(--fig-tint)', boxShadow: 'inset 3px 0 0 var(--accent)' } : {}), ...(on ? { background: safeTagColor(tag.color), color: textOn(safeTagColor(tag.color)) } : {}) }}
                onClick={() => choose(tag.id)}
                aria-pressed={on}
                data-testid="tag-option"
              >
                <span style={{ width: 10, height: 10, borderRadius: 5, background: safeTagColor(tag.color), display: 'inline-block' }} />
                {on ? '✓ ' : ''}
                {tagLabel(tag, lang)}
                {key ? <kbd style={{ marginLeft: 'auto' }}>{key}</kbd> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
