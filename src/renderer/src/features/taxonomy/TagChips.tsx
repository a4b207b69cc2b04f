/** The taxonomy as toggle chips for one finding (with each tag's hotkey). */
import type { Tag } from '../../../../core/store-schema';
import { EMPTY, useStore } from '../../lib/store';
import { workspaceStore } from '../documents/store';
import { BOILERPLATE_TAG } from '../duplicates/DuplicatePanel';
import { useI18n } from '../i18n/i18n';
import { applyAction } from '../report/store';
import { chipStyle, hotkeyOf, tagLabel } from './tags';

export function TagChips({ findingId, tags }: { findingId: string; tags: string[] }): React.JSX.Element {
  const { t, lang } = useI18n();
  const taxonomy = useStore(workspaceStore, (s) => s.workspace?.taxonomy ?? EMPTY);
  const known = new Set(taxonomy.map((x) => x.id));
  const extra: Tag[] = tags.filter((id) => !known.has(id)).map((id) => ({ id, name: id === BOILERPLATE_TAG ? t('kind.boilerplate') : id, color: '#888888', hotkey: null }));
  const all = [...taxonomy, ...extra];
  if (all.length === 0) return <p className="muted">{t('field.noTags')}</p>;
  return (
    <div className="tag-chips" data-testid="tag-chips">
      {all.map((tag) => {
        const on = tags.includes(tag.id);
        const key = hotkeyOf(taxonomy, tag);
        const label = tagLabel(tag, lang);
        return (
          <button
            key={tag.id}
            type="button"
            className={on ? 'chip' : 'chip off'}
            style={on ? chipStyle(tag.color) : undefined}
            aria-pressed={on}
            title={key ? `${label} (${key})` : label}
            onClick={() => void applyAction({ type: 'toggleTag', findingId, tag: tag.id })}
            data-testid="tag-chip"
            data-tag={tag.id}
          >
            {key ? <kbd>{key}</kbd> : null}
            {label}
          </button>
        );
      })}
    </div>
  );
}
