// @vitest-environment jsdom
import { afterAll, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import { noticeText } from './store';

afterAll(() => setLang('en'));

describe('workspace notices', () => {
  it('are worded in the analyst language from their code and params, not the backend English', () => {
    const n = { code: 'restored-from-backup', message: 'English fallback', params: { file: '.report-annotator/docs/a.json', backup: 'backups/a.1.json', movedTo: 'a.bad.json' } };
    setLang('zh');
    expect(noticeText(n)).toBe('.report-annotator/docs/a.json 已损坏，已从备份 backups/a.1.json 恢复（损坏的文件保留为 a.bad.json）。');
    expect(noticeText({ code: 'sources-changed', message: 'x', params: { count: 2 } })).toMatch(/^2 份报告在磁盘上被修改/);
    setLang('en');
    expect(noticeText(n)).toBe('.report-annotator/docs/a.json was damaged and was restored from its backup backups/a.1.json (the damaged file is kept as a.bad.json).');
  });

  it('fall back to the backend text for a code the UI does not know', () => {
    expect(noticeText({ code: 'something-new', message: 'Something new happened.' })).toBe('Something new happened.');
  });
});
