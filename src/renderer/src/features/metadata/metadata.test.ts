import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../../core/store-schema';
import { metadataOf, parseMetadataInput } from './store';

describe('report metadata editing', () => {
  it('validates years and dates, empty means null', () => {
    expect(parseMetadataInput('region', ' 太原市 ')).toEqual({ value: '太原市' });
    expect(parseMetadataInput('region', '')).toEqual({ value: null });
    expect(parseMetadataInput('year', '2023')).toEqual({ value: '2023' });
    expect(parseMetadataInput('year', '23')).toEqual({ error: 'meta.badYear' });
    expect(parseMetadataInput('date', '2024-03-27')).toEqual({ value: '2024-03-27' });
    expect(parseMetadataInput('date', '2024-03')).toEqual({ value: '2024-03' });
    expect(parseMetadataInput('date', '2024/3/27')).toEqual({ error: 'meta.badDate' });
    expect(parseMetadataInput('title', 'x'.repeat(501))).toEqual({ error: 'meta.tooLong' });
  });
  it('shows the stored values over what detection finds in the text', () => {
    const text = '太原市人民代表大会常务委员会工作报告\n\n——2024年3月27日在太原市第十六届人民代表大会第四次会议上\n\n各位代表：\n';
    const meta = { metadata: { region: '晋阳' } } as unknown as DocumentMeta;
    const { current, detected } = metadataOf(meta, text);
    expect(detected.region).toBe('太原市');
    expect(current.region).toBe('晋阳');
    expect(current.date).toBe(detected.date);
  });
});
