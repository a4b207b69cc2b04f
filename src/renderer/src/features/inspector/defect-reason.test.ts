import { describe, expect, it } from 'vitest';
import { consistencyFindings } from '../../../../core/checks';
import { analyzeText } from '../../../../core/analyze';
import { translate } from '../i18n/i18n';
import { defectReason } from './defect-reason';

describe('defectReason', () => {
  const text = '收集意见建议4408件，解决落实5342件。';
  const [finding] = consistencyFindings(text, analyzeText(text).figures);
  const data = finding.type === 'defect' ? finding.data : null;

  it('words a consistency check in the analyst language, from the check, not the English note', () => {
    expect(data?.check?.rule).toBe('part_exceeds_whole');
    expect(defectReason(data!, (k, v) => translate('zh', k, v))).toBe('5342件大于同一句中前面所说的总数4408件。');
    expect(defectReason(data!, (k, v) => translate('en', k, v))).toBe('5342件 is larger than the total 4408件 stated before it in the same sentence.');
  });

  it('never shows the detector\'s English note: other defects are worded from a code (issue 15 #1)', () => {
    const zh = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>): string => translate('zh', k, v);
    expect(defectReason({ kind: 'caption', start: 0, end: 1, text: 'x', replacement: null, note: 'why' }, zh)).toBe('报告正文中夹有图片说明或版面信息。');
    const para = '全年完成固定资产投资增长5%,经济运行稳中向好;人民生活持续改善,社会大局和谐稳定。';
    const text = `\n\n${para}\n\n${para}\n\n${para}\n\n${para}\n\n全年召开会议 and 座谈会9次。\n\n图为市民在广场休闲\n\n各项事业全面发展。\n`;
    const defects = analyzeText(text).defects;
    expect(defects.map((d) => d.kind)).toEqual(expect.arrayContaining(['mixed_punctuation', 'foreign_token', 'caption']));
    for (const d of defects) {
      const said = defectReason(d, zh);
      // no English words beyond the quoted foreign word itself
      expect(said.replace(/“[^”]*”/g, ''), said).not.toMatch(/[A-Za-z]{2}/);
      if (d.note) expect(said).not.toContain(d.note);
    }
    const wide = defects.find((d) => d.kind === 'mixed_punctuation')!;
    expect(defectReason(wide, zh)).toBe('全文使用半角标点：共 12 处应改为全角。');
    expect(defectReason(wide, (k, v) => translate('en', k, v))).toBe('The report uses half-width punctuation throughout: 12 marks to make full-width.');
  });
});
