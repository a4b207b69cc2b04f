/** The `?` sheet: every command and its keys, grouped. */
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { useI18n } from '../i18n/i18n';
import { closeOverlay, uiStore } from '../layout/ui';
import { BINDINGS } from './keys';
import { ADJUDICATION_KEYS } from '../team/queue'; // team-s6

/** One line of the sheet: its keys (1 / 2, or 1 … 9 around an ellipsis) and what they do. */
function KeyRow({ keys, label }: { keys: readonly string[]; label: string }): React.JSX.Element {
  return (
    <div style={{ display: 'contents' }}>
      <dt>
        {keys.map((k, i) => (
          <span key={k}>
            {i > 0 ? (k === '…' || keys[i - 1] === '…' ? ' ' : ' / ') : ''}
            {k === '…' ? k : <kbd>{k}</kbd>}
          </span>
        ))}
      </dt>
      <dd>{label}</dd>
    </div>
  );
}

export function CheatSheet(): React.JSX.Element | null {
  const { t } = useI18n();
  const overlay = useStore(uiStore, (s) => s.overlay);
  if (overlay !== 'help') return null;
  const groups = [
    ['navigate', t('shortcuts.navigate')],
    ['review', t('shortcuts.review')],
    ['general', t('shortcuts.general')],
  ] as const;
  return (
    <Dialog title={t('shortcuts.title')} onClose={closeOverlay} wide testId="cheat-sheet">
      <div className="cheats">
        {groups.map(([g, title]) => (
          <section key={g}>
            <h3>{title}</h3>
            <dl>
              {BINDINGS.filter((b) => b.group === g).map((b) => (
                <KeyRow key={b.id} keys={b.keys} label={t(b.label)} />
              ))}
            </dl>
          </section>
        ))}
        {/* team-s6: the adjudication queue's keys (team page) */}
        <section data-testid="cheat-adjudication">
          <h3>{t('shortcuts.adjudication')}</h3>
          <dl>
            {ADJUDICATION_KEYS.map((b) => (
              <KeyRow key={b.id} keys={b.keys} label={t(b.label)} />
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
