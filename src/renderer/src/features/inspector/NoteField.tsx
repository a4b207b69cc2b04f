/** The finding's note: saved (setNote) when the field loses focus and the text changed. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { applyAction } from '../report/store';

export function NoteField({ findingId, note }: { findingId: string; note: string }): React.JSX.Element {
  const { t } = useI18n();
  const [value, setValue] = useState(note);
  const [base, setBase] = useState({ note, findingId });
  if (note !== base.note || findingId !== base.findingId) {
    // another finding, or the backend answered with a different note (undo/redo): show it
    setBase({ note, findingId });
    setValue(note);
  }
  return (
    <section className="field-group">
      <label htmlFor="note-field">
        <h3>{t('field.note')}</h3>
      </label>
      <textarea
        id="note-field"
        rows={3}
        value={value}
        placeholder={t('field.notePlaceholder')}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => {
          if (value !== note) void applyAction({ type: 'setNote', findingId, note: value });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
        }}
        data-testid="field-note"
      />
    </section>
  );
}
