/**
 * The menu-like toolbar (the File menu of browser mode): File ▾ (Open folder…, Add files…, Open
 * sample workspace), Export…, Tags…, shortcuts. The three ways to get reports in sit under one
 * menu button, so the English top bar stays one row at 1280 px.
 */
import { useEffect, useRef, useState } from 'react';
import { openOverlay } from '../layout/ui';
import { useI18n } from '../i18n/i18n';
import { withKeys } from '../shortcuts/keys';
import { addFiles, openFolder, openSample } from './store';

export function TopMenu(): React.JSX.Element {
  const { t } = useI18n();
  return (
    <nav className="menu" aria-label="menu" style={{ display: 'flex', gap: 6, flexWrap: 'nowrap' }}>
      <FileMenu />
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

/** File ▾: a menu button; arrows move between its items, Esc or a click elsewhere closes it. */
function FileMenu(): React.JSX.Element {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [open]);
  const choose = (run: () => Promise<unknown>): void => {
    setOpen(false);
    void run();
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) setOpen(true);
      else items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else {
      if (e.key === 'Tab') setOpen(false);
      // while the menu is open its keys are not review shortcuts (Enter and Space still press an item)
      if (open) e.stopPropagation();
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className="file-menu" ref={root} onKeyDown={onKeyDown}>
      <button type="button" ref={button} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={t('menu.fileTitle')} data-testid="menu-file">
        {t('menu.file')} ▾
      </button>
      {open ? (
        <span className="file-menu-list" role="menu" aria-label={t('menu.file')} data-testid="menu-file-list">
          <button type="button" role="menuitem" onClick={() => choose(openFolder)} data-testid="menu-open-folder">
            {t('menu.openFolder')}
          </button>
          <button type="button" role="menuitem" onClick={() => choose(addFiles)} data-testid="menu-add-files">
            {t('menu.addFiles')}
          </button>
          <button type="button" role="menuitem" onClick={() => choose(openSample)} data-testid="menu-open-sample">
            {t('menu.openSample')}
          </button>
        </span>
      ) : null}
    </span>
  );
}
