/**
 * In the export dialog: which layer the dataset takes — my work (as before), the adjudicated
 * layer, one analyst's, or every layer with an annotator column (Label Studio: one annotation per
 * analyst). Shown only in a workspace with teammates.
 */
import { useEffect } from 'react';
import type { ExportLayer } from '../../../../core/team/api';
import { createStore, useStore } from '../../lib/store';
import { type MessageKey, useI18n } from '../i18n/i18n';
import { loadAnalysts, teamStore } from './store';

/** 'mine' | 'adjudicated' | 'all' | 'analyst:<id>' */
export const exportLayerStore = createStore<{ layer: string }>({ layer: 'mine' });

/** The exportDataset request's `layer` for the choice (absent for my work, or for my own id). */
export function exportLayerRequest(choice: string = exportLayerStore.get().layer, me: string | undefined = teamStore.get().analysts.find((a) => a.isMe)?.id): { layer?: ExportLayer } {
  if (choice === 'adjudicated' || choice === 'all') return { layer: choice };
  if (choice.startsWith('analyst:')) {
    const analyst = choice.slice('analyst:'.length);
    return analyst && analyst !== me ? { layer: { analyst } } : {};
  }
  return {};
}

export function ExportLayerField({ disabled }: { disabled: boolean }): React.JSX.Element | null {
  const { t } = useI18n();
  const analysts = useStore(teamStore, (s) => s.analysts);
  const layer = useStore(exportLayerStore, (s) => s.layer);
  useEffect(() => {
    void loadAnalysts();
  }, []);
  if (analysts.filter((a) => !a.isMe).length === 0) return null;
  const options: [string, string][] = [
    ['mine', t('team.export.mine')],
    ['adjudicated', t('team.export.adjudicated')],
    ['all', t('team.export.all')],
    ...analysts.filter((a) => !a.isMe).map((a): [string, string] => [`analyst:${a.id}`, t('team.export.analyst', { name: a.name })]),
  ];
  const value = options.some(([v]) => v === layer) ? layer : 'mine';
  const hintKey = (value.startsWith('analyst:') ? 'team.export.hint.analyst' : `team.export.hint.${value}`) as MessageKey;
  return (
    <div className="field">
      <label htmlFor="export-layer">{t('team.export.layer')}</label>
      <div className="field-input">
        <select id="export-layer" value={value} disabled={disabled} onChange={(e) => exportLayerStore.set({ layer: e.target.value })} data-testid="export-layer">
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <span className="hint">{t(hintKey)}</span>
      </div>
    </div>
  );
}
