/**
 * The open report's metadata (region, year, meeting, reporter, …) as detected on import,
 * editable: a changed field is saved with metadataSet and the detected value stays beside it.
 */
import { useMemo } from 'react';
import { useStore } from '../../lib/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { EditField } from '../inspector/EditField';
import { reportStore } from '../report/store';
import { LEVELS, METADATA_KEYS, type MetadataKey, metadataOf, parseMetadataInput, saveMetadata } from './store';

export function MetadataEditor(): React.JSX.Element | null {
  const { t } = useI18n();
  const meta = useStore(reportStore, (s) => s.meta);
  const text = useStore(reportStore, (s) => s.model?.index.text ?? null);
  const values = useMemo(() => (meta && text !== null ? metadataOf(meta, text) : null), [meta, text]);
  if (!meta || !values) return null;
  const label = (k: MetadataKey): string => t(`metaField.${k}` as MessageKey);
  // the detected value beside an edited one (nothing when detection finds nothing, e.g. in a mis-decoded text)
  const detectedNote = (k: MetadataKey): string | null => {
    const d = values.detected[k];
    return d !== null && d !== undefined && (values.current[k] ?? null) !== d ? d : null;
  };
  return (
    <section className="field-group metadata" data-testid="metadata-editor" aria-labelledby="metadata-title">
      <h3 id="metadata-title">{t('meta.title')}</h3>
      {METADATA_KEYS.map((k) => {
        const current = values.current[k] ?? '';
        if (k === 'level') {
          return (
            <div className="field" key={`${meta.id}:${k}`}>
              <label htmlFor="md-level">{label(k)}</label>
              <div className="field-input">
                <select id="md-level" value={current} onChange={(e) => void saveMetadata(meta.id, 'level', e.target.value || null)} data-testid="meta-level">
                  <option value="">—</option>
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
                {detectedNote(k) !== null ? <span className="original">{t('meta.detected', { value: detectedNote(k) ?? '' })}</span> : null}
              </div>
            </div>
          );
        }
        return (
          <EditField
            key={`${meta.id}:${k}`}
            id={`md-${k}`}
            label={label(k)}
            value={current}
            lang="zh-Hans"
            numeric={k === 'year' || k === 'meeting_year' || k === 'date'}
            testId={`meta-${k}`}
            onCommit={(text) => {
              const r = parseMetadataInput(k, text);
              if ('error' in r) return t(r.error);
              void saveMetadata(meta.id, k, r.value);
              return null;
            }}
            original={detectedNote(k)}
            originalLabel={(v) => t('meta.detected', { value: v })}
          />
        );
      })}
      <p className="muted small">{t('meta.hint')}</p>
    </section>
  );
}
