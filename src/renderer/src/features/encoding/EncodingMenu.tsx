/** The status bar's encoding: click it for the list of encodings; choosing one re-decodes the report (reviews carried over). */
import { useEffect, useRef, useState } from 'react';
import type { DocumentMeta } from '../../../../core/store-schema';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { ENCODINGS, encodingStore, sameEncoding, setEncoding } from './store';

export function EncodingMenu({ meta }: { meta: DocumentMeta }): React.JSX.Element {
  const { t } = useI18n();
  const busy = useStore(encodingStore, (s) => s.busy);
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    const items = menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]');
    const checked = menu.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? items?.[0])?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  // binary formats (docx, pdf) have no text encoding to choose
  if (!meta.encoding) return <span data-testid="status-encoding">{t('status.encoding', { encoding: meta.format })}</span>;
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (enc: string): void => {
    close();
    if (!sameEncoding(enc, meta.encoding)) void setEncoding(meta.id, enc);
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    // keys in the menu never reach the global shortcuts
    e.stopPropagation();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };
  return (
    <span className="encoding" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="status-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={busy !== null}
        title={t('encoding.change')}
        data-testid="status-encoding"
      >
        {busy ? t('encoding.busy', { encoding: busy }) : t('status.encoding', { encoding: meta.encoding })} ▾
      </button>
      {open ? (
        <div className="popover encoding-menu" role="menu" aria-label={t('encoding.change')} ref={menu} onKeyDown={onKeyDown} data-testid="encoding-menu">
          {ENCODINGS.map((enc) => {
            const on = sameEncoding(enc, meta.encoding);
            return (
              <button key={enc} type="button" role="menuitemradio" aria-checked={on} onClick={() => choose(enc)} data-testid="encoding-option" data-encoding={enc}>
                <span aria-hidden="true" style={{ width: '1em' }}>
                  {on ? '✓' : ''}
                </span>
                {enc}
              </button>
            );
          })}
          <div className="hint">{t('encoding.hint')}</div>
        </div>
      ) : null}
    </span>
  );
}
