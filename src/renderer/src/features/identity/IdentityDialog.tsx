/**
 * First run: who is annotating. The name (the OS user name by default) is recorded on every
 * review; the stable id behind it names the analyst's work files. Asked once, in the desktop
 * app, until the analyst confirms a name (identitySet); browser mode keeps the default.
 */
import { useEffect, useState } from 'react';
import type { AnalystIdentity } from '../../../../core/api';
import { getClient } from '../../api/client';
import { Dialog } from '../../lib/Dialog';
import { reportError } from '../errors/store';
import { useI18n } from '../i18n/i18n';

export function IdentityDialog(): React.JSX.Element | null {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<AnalystIdentity | null>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const client = getClient();
        const [info, who] = await Promise.all([client.appInfo({}), client.identityGet({})]);
        if (live && info.mode === 'desktop' && !who.confirmed) {
          setIdentity(who);
          setName(who.name);
        }
      } catch {
        // no identity to ask about: the default (the OS user) stays
      }
    })();
    return () => {
      live = false;
    };
  }, []);
  if (!identity) return null;
  const close = (): void => setIdentity(null);
  const submit = async (): Promise<void> => {
    const v = name.trim();
    if (!v) return;
    try {
      await getClient().identitySet({ name: v });
      close();
    } catch (e) {
      reportError(e, 'identity');
    }
  };
  return (
    <Dialog
      title={t('identity.title')}
      onClose={close}
      testId="identity-dialog"
      footer={
        <button type="button" className="primary" onClick={() => void submit()} disabled={!name.trim()} data-testid="identity-ok">
          {t('dialog.ok')}
        </button>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{t('identity.prompt')}</p>
        <label className="block" htmlFor="identity-name">
          {t('identity.name')}
        </label>
        <input id="identity-name" className="full" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus data-testid="identity-name" />
      </form>
    </Dialog>
  );
}
