/** Review | Figures table: the top-level view switch (v toggles it). */
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { withKeys } from '../shortcuts/keys';
import { type View, setView, viewStore } from './view';

export function ViewSwitch(): React.JSX.Element {
  const { t } = useI18n();
  const view = useStore(viewStore, (s) => s.view);
  const item = (v: View, label: string): React.JSX.Element => (
    <button type="button" aria-pressed={view === v} className={view === v ? 'on' : undefined} onClick={() => setView(v)} title={withKeys(label, 'toggleView')} data-testid={`view-${v}`}>
      {label}
    </button>
  );
  return (
    <div className="view-switch" role="group" aria-label={t('view.label')}>
      {item('review', t('view.review'))}
      {item('figures', t('view.figures'))}
      {/* team: */}
      {item('team', t('view.team'))}
      {item('rules', t('view.rules')) /* rules: */}
    </div>
  );
}
