import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMetadata, effectiveMetadata, levelOf, readSmallNumber } from './index';

const corpus = (f: string) => readFileSync(join(__dirname, '../../../resources/samples', f), 'utf8');

describe('detectMetadata on the corpus (hand-checked)', () => {
  it.each([
    ['changzhi-city-2024.txt', { region: '长治市', level: '市', body: '人大常委会', year: '2023', meeting_year: '2024', meeting: '第十五届人民代表大会第四次会议', reporter: '吴小华', reporter_title: null, date: '2024-03-27' }],
    ['jiangxian-county-2024.txt', { region: '绛县', level: '县', body: '人大常委会', year: '2023', meeting_year: '2024', meeting: '第十七届人民代表大会第四次会议', reporter: '孙晓', reporter_title: '绛县人大常委会主任', date: '2024-02-21' }],
    ['luzhou-district-2025.txt', { region: '长治市潞州区', level: '区', body: '人大常委会', year: '2025', meeting_year: '2025', meeting: '第二届人民代表大会第六次会议', reporter: '王咏刚', reporter_title: '长治市潞州区人大常委会主任', date: '2025-12-23' }],
    ['lvliang-city-2024-newspaper.txt', { region: '吕梁市', level: '市', body: '人大常委会', year: '2023', meeting_year: null, meeting: null, reporter: null, reporter_title: null, date: null }],
    ['taiyuan-city-2024.txt', { region: '太原市', level: '市', body: '人大常委会', year: '2023', meeting_year: '2024', meeting: '第十五届人民代表大会第四次会议', reporter: '魏民', reporter_title: '太原市人大常委会主任', date: '2024-02-28' }],
  ])('%s', (file, expected) => {
    expect(detectMetadata(corpus(file))).toMatchObject(expected);
  });
});

describe('made-up headers', () => {
  it('a provincial government report in Traditional characters with a Chinese-numeral date', () => {
    const text = ['', '山西省人民政府工作報告', '——二〇二五年一月二十日在山西省第十四屆人民代表大會第三次會議上', '山西省省長　張三', '各位代表：', '現在，我代表省人民政府，向大會報告工作，請予審議。', '過去一年工作回顧', '2024年是實現“十四五”規劃目標任務的關鍵一年。'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ region: '山西省', level: '省', body: '政府', date: '2025-01-20', meeting_year: '2025', year: '2024', meeting: '第十四屆人民代表大會第三次會議', reporter: '張三', reporter_title: '山西省省長' });
  });
  it('a county people\'s congress standing committee, bracketed dateline, no day, plain heading year', () => {
    const text = ['峨边彝族自治县人民代表大会常务委员会工作报告', '（2023年12月在峨边彝族自治县第九届人民代表大会第二次会议上）', '县人大常委会副主任 李四', '各位代表：', '一、2023年主要工作'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ region: '峨边彝族自治县', level: '县', body: '人大常委会', date: '2023-12', year: '2023', reporter: '李四', reporter_title: '县人大常委会副主任' });
  });
  it('a district report whose year falls back on the meeting date', () => {
    const text = ['某市某区人民代表大会常务委员会工作报告', '——2024年1月10日在某市某区第三届人民代表大会第五次会议上', '各位代表：', '我受区人大常委会委托，向大会报告工作。'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ region: '某市某区', level: '区', year: '2023', reporter: null });
  });
  it('an empty or headerless text yields nulls, not guesses', () => {
    expect(detectMetadata('')).toMatchObject({ region: null, year: null, reporter: null, date: null });
    expect(detectMetadata('前言\n一年来，我们做了很多工作。')).toMatchObject({ region: null, reporter: null });
  });
  it('stored values win over detected ones', () => {
    expect(effectiveMetadata(corpus('taiyuan-city-2024.txt'), { region: '太原', year: null })).toMatchObject({ region: '太原', year: null, reporter: '魏民' });
  });
  it('helpers', () => {
    expect(readSmallNumber('二〇二四')).toBe(2024);
    expect(readSmallNumber('二十七')).toBe(27);
    expect(readSmallNumber('十二')).toBe(12);
    expect(readSmallNumber('三')).toBe(3);
    expect(levelOf('内蒙古自治区')).toBe('省');
    expect(levelOf('延边朝鲜族自治州')).toBe('市');
    expect(levelOf('長治市潞州區')).toBe('区');
  });
});
