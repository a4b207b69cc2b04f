/** Browser mode has no native dialogs: ask for a folder path (workspaceOpen) or file paths (importFiles). */
import { useState } from 'react';
import { Dialog } from '../../lib/Dialog';
import { useStore } from '../../lib/store';
import { ErrorText } from '../errors/ErrorText';
import { useI18n } from '../i18n/i18n';
import { importPaths, openFolderPath, workspaceStore } from './store';

export function PathDialog(): React.JSX.Element | null {
  const kind = useStore(workspaceStore, (s) => s.pathDialog);
  if (!kind) return null;
  return <PathDialogBody kind={kind} />;
}

function PathDialogBody({ kind }: { kind: 'folder' | 'files' }): React.JSX.Element {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [create, setCreate] = useState(false);
  const error = useStore(workspaceStore, (s) => s.pathError);
  const close = (): void => workspaceStore.patch({ pathDialog: null, pathError: null });
  const submit = (): void => {
    const v = value.trim();
    if (!v) return;
    if (kind === 'folder') void openFolderPath(v, create);
    else void importPaths(v.split('\n').map((x) => x.trim()).filter(Boolean));
  };
  return (
    <Dialog
      title={t(kind === 'folder' ? 'folder.title' : 'files.title')}
      onClose={close}
      testId="path-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="primary" onClick={submit} disabled={!value.trim()} data-testid="path-dialog-ok">
            {t('dialog.ok')}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="block" htmlFor="path-input">
          {t(kind === 'folder' ? 'folder.prompt' : 'files.prompt')}
        </label>
        {kind === 'folder' ? (
          <>
            <input
              id="path-input"
              className="full"
              value={value}
              placeholder={t('folder.placeholder')}
              onChange={(e) => {
                setValue(e.target.value);
                if (error) workspaceStore.patch({ pathError: null });
              }}
              autoFocus
              aria-invalid={error ? true : undefined}
              data-testid="path-input"
            />
            <label className="check-row">
              <input type="checkbox" checked={create} onChange={(e) => setCreate(e.target.checked)} data-testid="path-create" />
              <span>
                {t('folder.create')}
                <span className="hint block">{t('folder.createHint')}</span>
              </span>
            </label>
            {error ? <ErrorText error={error} testId="path-error" /> : null}
          </>
        ) : (
          <textarea id="path-input" className="full" rows={5} value={value} onChange={(e) => setValue(e.target.value)} autoFocus data-testid="path-input" />
        )}
      </form>
    </Dialog>
  );
}
