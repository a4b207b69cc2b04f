/**
 * The IPC channel names shared by the binding (main) and the preload. Pure constants: the
 * preload bundles this file, so it imports nothing.
 */
export const INVOKE_PREFIX = 'api:';
export const EVENT_CHANNEL = 'api-event';

export function invokeChannel(method: string): string {
  return INVOKE_PREFIX + method;
}
