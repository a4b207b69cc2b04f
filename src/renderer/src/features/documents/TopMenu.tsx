/** The menu-like toolbar (the File menu of browser mode): Open folder…, Add files…, Open sample workspace, Export…, Tags…, shortcuts. */
import { openOverlay } from '../layout/ui';
import { useI18n } from '../i18n/i18n';
import { withKeys } from '../shortcuts/keys';
import { addFiles, openFolder, openSample } from './store';

export function TopMenu(): React.JSX.Element {
  const { t } = useI18n();
  return (
    <nav className="menu" aria-label="menu" style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
      <button type="button" onClick={() => void openFolder()} data-testid="menu-open-folder">
        {t('menu.openFolder')}
      </button>
      <button type="button" onClick={() => void addFiles()} data-testid="menu-add-files">
        {t('menu.addFiles')}
      </button>
      <button type="button" onClick={() => void openSample()} data-testid="menu-open-sample">
        {t('menu.openSample')}
      </button>
      <button type="button" onClick={() => openOverlay('export')} title={withKeys(t('menu.export'), 'export')} data-testid="menu-export">
        {t('menu.export')}
      </button>
      <button type="button" onClick={() => openOverlay('taxonomy')} data-testid="menu-taxonomy">
        {t('menu.taxonomy')}
      </button>
      <button type="button" onClick={() => openOverlay('help')} title={withKeys(t('menu.help'), 'help')} data-testid="menu-help">
        ?
      </button>
    </nav>
  );
}
