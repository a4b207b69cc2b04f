/**
 * The i18n key (renderer messages.ts, team.syncthing.*) for each Syncthing error code of
 * src/main/team/syncthing.ts; the error's params fill the placeholders ({url}, {id}, {path},
 * {ms}). Pure, so the renderer can map a code it received through the API.
 */
export const SYNCTHING_ERROR_KEYS = {
  'syncthing-not-configured': 'team.syncthing.notConfigured',
  'syncthing-not-running': 'team.syncthing.notRunning',
  'syncthing-forbidden': 'team.syncthing.forbidden',
  'syncthing-bad-device-id': 'team.syncthing.badDeviceId',
  'syncthing-folder-shared-elsewhere': 'team.syncthing.sharedElsewhere',
  'syncthing-timeout': 'team.syncthing.timeout',
  'syncthing-error': 'team.syncthing.error',
} as const;

export type SyncthingErrorKey = (typeof SYNCTHING_ERROR_KEYS)[keyof typeof SYNCTHING_ERROR_KEYS];
