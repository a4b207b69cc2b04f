import { describe, expect, it } from 'vitest';
import { extensionOf, isFolderFormat, isSuggested, suggestedTarget } from './formats';

describe('export targets', () => {
  const now = new Date('2025-03-04T10:00:00Z');
  it('suggests a file (or a folder for csv, brat, text) under the workspace', () => {
    expect(suggestedTarget('/home/a/ws/', 'jsonl', 'accepted', now)).toBe('/home/a/ws/exports/dataset-jsonl-accepted-2025-03-04.jsonl');
    expect(suggestedTarget('/home/a/ws', 'label-studio', 'all', now)).toBe('/home/a/ws/exports/dataset-label-studio-all-2025-03-04.json');
    expect(suggestedTarget('/home/a/ws', 'csv', 'complete', now)).toBe('/home/a/ws/exports/dataset-csv-complete-2025-03-04');
    expect(suggestedTarget('C:\\Users\\a\\ws', 'xlsx', 'reviewed', now)).toBe('C:\\Users\\a\\ws\\exports\\dataset-xlsx-reviewed-2025-03-04.xlsx');
    expect(isFolderFormat('brat') && isFolderFormat('text') && !isFolderFormat('conll')).toBe(true);
    expect(extensionOf('doccano')).toBe('jsonl');
  });
  it('tells a suggestion from a typed path', () => {
    expect(isSuggested(suggestedTarget('/w', 'csv', 'all', now), '/w')).toBe(true);
    expect(isSuggested('/tmp/mine.jsonl', '/w')).toBe(false);
  });
});
