import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../core/store-schema';
import { en, zh } from '../../renderer/src/features/i18n/messages';
import { cappedNotices } from './notices';

const meta = (name: string, capped?: DocumentMeta['capped']): DocumentMeta => ({
  id: name, path: name, name, format: 'txt', encoding: 'utf-8', size: 1, mtimeMs: 0, sha256: 'x', length: 1, importedAt: '2026-01-01T00:00:00Z',
  counts: { figures: 0, duplicates: 0, defects: 0, reviewed: 0, total: 0 }, metadata: {}, ...(capped ? { capped } : {}),
});

describe('cappedNotices: a report shown in part is never shown as if complete', () => {
  it('one notice per report and cut kind, naming the report and the limit, worded in both languages', () => {
    const notices = cappedNotices([meta('a.txt'), meta('b.txt', { figures: 200_000, defects: 200_000 })]);
    expect(notices.map((n) => [n.code, n.params])).toEqual([
      ['findings-capped-figures', { name: 'b.txt', limit: 200_000 }],
      ['findings-capped-defects', { name: 'b.txt', limit: 200_000 }],
    ]);
    for (const n of notices) {
      expect(`notice.${n.code}` in en && `notice.${n.code}` in zh).toBe(true);
      expect(n.message).toContain('b.txt');
    }
  });

  it('no notice for reports analysed whole', () => {
    expect(cappedNotices([meta('a.txt'), meta('c.txt', {})])).toEqual([]);
  });
});
