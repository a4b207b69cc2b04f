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

  it('falls back to the note of other defects', () => {
    expect(defectReason({ kind: 'caption', start: 0, end: 1, text: 'x', replacement: null, note: 'why' }, (k) => k)).toBe('why');
  });
});
