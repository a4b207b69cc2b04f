import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../core/api';
import { errorCode, presentError } from './presenter';

describe('error presenter', () => {
  it('says what happened, what was kept safe and what to do, in the user language', () => {
    const e = new ApiError('store-disk-full', 'ENOSPC: no space left on device');
    const zh = presentError(e, 'zh');
    expect(zh.code).toBe('store-disk-full');
    expect(zh.what).toContain('磁盘已满');
    expect(zh.safe).toBeTruthy();
    expect(zh.todo).toBeTruthy();
    expect(zh.detail).toContain('ENOSPC');
    const en = presentError(e, 'en');
    expect(en.what).toMatch(/disk is full/i);
  });

  it('treats anything unexpected as internal', () => {
    expect(errorCode(new TypeError('x is undefined'))).toBe('internal');
    expect(errorCode({ code: 'not-a-code' })).toBe('internal');
    expect(errorCode({ code: 'unknown-encoding', message: 'm' })).toBe('unknown-encoding');
    expect(presentError('boom', 'en').what).toMatch(/unexpected/i);
  });
});
