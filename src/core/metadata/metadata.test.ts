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

describe('headers as analysts receive them (web pages, PDFs, national, Hong Kong, Macau)', () => {
  it('a page copied from a news site: its chrome is not the reporter, the salutation is found past line 12', () => {
    const text = ['下载', '打印', '全屏', '收藏', '【字号：', '加大', '还原', '减小', '】', '2026年某省政府工作报告', '——2026年2月3日在某省第十六届人民代表大会第四次会议上', '来源：某某日报', '时间：2026-02-09', '某省省长 王 五', '各位代表：', '现在，我代表省人民政府，向大会报告工作。'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ title: '2026年某省政府工作报告', region: '某省', level: '省', reporter: '王五', reporter_title: '某省省长', date: '2026-02-03', year: '2025' });
  });
  it('a newspaper name or a download link standing alone is never taken as a bare reporter name', () => {
    const text = ['2026年某省人民政府工作报告', '来源:', '四川日报', '分享：', '2026年2月3日在某省第十四届人民代表大会第五次会议上', '各位代表：'].join('\n');
    expect(detectMetadata(text).reporter).toBeNull();
    expect(detectMetadata(['下载', '某省政府工作报告', '各位代表：'].join('\n')).reporter).toBeNull();
  });
  it('a letter-spaced title; the reporter line naming a government is not the title', () => {
    const text = ['政 府 工 作 报 告', '', '----2012年2月29日在某某区第十三届人民代表大会第六次会议上', '', '某某区人民政府区长　　张三', '', '　　各位代表：'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ title: '政府工作报告', region: '某某区', level: '区', reporter: '张三', reporter_title: '某某区人民政府区长', year: '2011' });
  });
  it('a dateline cut by a line break (PDF, narrow column) is still read', () => {
    const text = ['政府工作报告', '——2026年1月26日在某省第十四届', '人民代表大会第五次会议上', '某省省长 孟某', '各位代表：'].join('\n');
    expect(detectMetadata(text)).toMatchObject({ region: '某省', date: '2026-01-26', meeting: '第十四届人民代表大会第五次会议', reporter: '孟某' });
  });
  it('the municipalities directly under the central government are province-level', () => {
    for (const r of ['北京市', '天津市', '上海市', '重庆市', '重慶市']) expect(levelOf(r)).toBe('省');
    expect(levelOf('南京市')).toBe('市');
  });
  it('the national report: 国务院 reports to the 全国人民代表大会', () => {
    expect(detectMetadata(['各位代表：', '现在，我代表国务院，向大会报告政府工作，请予审议。'].join('\n'))).toMatchObject({ region: '全国', level: '国', body: '政府' });
    expect(detectMetadata(['政府工作报告', '——2019年3月5日在第十三届全国人民代表大会第二次会议上', '国务院总理 李某', '各位代表：'].join('\n'))).toMatchObject({ region: '全国', level: '国', meeting: '第十三届全国人民代表大会第二次会议', date: '2019-03-05', reporter: '李某', reporter_title: '国务院总理' });
  });
  it('a Hong Kong policy address: region in the report\'s script, its year from the title', () => {
    const text = ['行政長官2025年施政報告', '深化改革心繫民生', '目 錄', ...Array.from({ length: 5 }, () => '香港的發展與香港市民的生活，香港特區政府。')].join('\n');
    expect(detectMetadata(text)).toMatchObject({ title: '行政長官2025年施政報告', region: '香港特別行政區', level: '省', body: '政府', year: '2025', meeting_year: '2025' });
  });
  it('a Hong Kong budget speech: fiscal-year title, titled reporter without a space, a date standing alone', () => {
    const text = ['二零二三至二四財政年度', '政府財政預算案', '財政司司長陳茂波', '動議二讀《二零二三年撥款條例草案》的演辭', '二零二三年二月二十二日星期三', '目錄', ...Array.from({ length: 4 }, () => '香港經濟在二零二二年收縮，香港的出口下跌。')].join('\n');
    expect(detectMetadata(text)).toMatchObject({ title: '二零二三至二四財政年度政府財政預算案', region: '香港特別行政區', reporter: '陳茂波', reporter_title: '財政司司長', date: '2023-02-22', meeting_year: '2023' });
  });
  it('a Macau policy address is not read as Hong Kong, and its fiscal-year title gives no meeting year', () => {
    const text = ['澳門特別行政區政府二〇二四年財政年度施政報告', ...Array.from({ length: 4 }, () => '澳門居民的生活，澳門經濟適度多元。')].join('\n');
    const md = detectMetadata(text);
    expect(md).toMatchObject({ region: '澳門特別行政區', level: '省', body: '政府' });
    expect(md.meeting_year).toBeNull();
  });
  it('a mainland report that mentions Hong Kong often stays mainland', () => {
    const text = ['2026年某省政府工作报告', '——2026年1月26日在某省第十四届人民代表大会第五次会议上', '各位代表：', ...Array.from({ length: 6 }, () => '深化与香港、澳门合作，香港投资增长。')].join('\n');
    expect(detectMetadata(text)).toMatchObject({ region: '某省', level: '省' });
  });
});
