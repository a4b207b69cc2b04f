import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesktopArgs } from './args';

describe('parseDesktopArgs', () => {
  it('reads --workspace DIR and --user-data DIR in both spellings', () => {
    expect(parseDesktopArgs(['electron', 'out/main/index.js', '--workspace', '/w'], '/cwd')).toEqual({ workspace: resolve('/w') });
    expect(parseDesktopArgs(['app', '--workspace=/w', '--user-data=/u'], '/cwd')).toEqual({ workspace: resolve('/w'), userData: resolve('/u') });
  });

  it('resolves relative paths against the given cwd', () => {
    expect(parseDesktopArgs(['app', '--workspace', 'reports'], '/home/a')).toEqual({ workspace: resolve('/home/a', 'reports') });
  });

  it('ignores a flag without a value and unrelated switches', () => {
    expect(parseDesktopArgs(['app', '--workspace', '--inspect=0', '--remote-debugging-port=0'])).toEqual({});
    expect(parseDesktopArgs(['app', '--workspace'])).toEqual({});
    expect(parseDesktopArgs(['app', '--workspace='])).toEqual({});
    expect(parseDesktopArgs(['app', '--workspacex', '/w'])).toEqual({});
  });
});
