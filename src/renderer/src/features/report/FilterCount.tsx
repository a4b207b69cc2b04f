/** How many findings the filters let through (shown while a filter is set), so a narrowed list says its size. */
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { filterStore } from './filters';
import { DEFAULT_FILTER } from './navigation';
import { currentNav, reportStore } from './store';

export function FilterCount(): React.JSX.Element | null {
  const { t, count } = useI18n();
  const filter = useStore(filterStore, (s) => s);
  useStore(reportStore, (s) => s.reviews);
  useStore(reportStore, (s) => s.model);
  const narrowed = filter.type !== DEFAULT_FILTER.type || filter.kind !== DEFAULT_FILTER.kind || filter.status !== DEFAULT_FILTER.status || filter.tag !== DEFAULT_FILTER.tag;
  if (!narrowed) return null;
  const n = currentNav()?.list.length ?? 0;
  return (
    <span className="muted num filter-count" data-testid="filter-count" data-count={n} aria-live="polite">
      {t('filter.matches', { count: count(n) })}
    </span>
  );
}
