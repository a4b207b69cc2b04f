import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './numerals';
import { parseFigureText } from './parse';

describe('parseChineseNumber', () => {
  it.each([
    ['1234', 1234], ['１２', 12], ['3,400', 3400], ['3，400', 3400], ['12,345,678', 12345678],
    ['0.5', 0.5], ['97.5', 97.5], ['１２．５', 12.5],
    ['两万', 20000], ['兩萬', 20000], ['十二', 12], ['二十', 20], ['十', 10], ['一千二百三十四', 1234],
    ['一百零五', 105], ['一千零一', 1001], ['壹佰贰拾', 120], ['貳拾參', 23], ['廿三', 23], ['二〇二四', 2024],
    ['一万五', 15000], ['三千五', 3500], ['一亿二千万', 120000000], ['百', 100], ['万', 10000],
    ['2万', 20000], ['1.2亿', 120000000], ['4.52万', 45200], ['1.1万', 11000], ['0.07亿', 7000000],
    ['2.35万亿', 2350000000000], ['3万5千', 35000], ['一点二亿', 120000000], ['三点五', 3.5],
    ['百分之九十七点五', 97.5], ['百分之五十', 50],
  ])('%s = %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });

  it('is exact where float multiplication is not', () => {
    expect(4.52 * 10000).not.toBe(45200);
    expect(parseChineseNumber('4.52万')).toBe(45200);
    expect(parseChineseNumber('0.29亿')).toBe(29000000);
  });

  it.each(['十四五', '二三百', '', '万a', '1,23'])('rejects %j', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });
});

describe('parseFigureText', () => {
  it('folds 万 into the value and keeps the rest of the unit', () => {
    expect(parseFigureText('3400万')).toEqual({ value: 34000000, value_to: null, unit: null, approx: null, kind: 'count' });
    expect(parseFigureText('两万余条')).toEqual({ value: 20000, value_to: null, unit: '条', approx: 'more', kind: 'count' });
    expect(parseFigureText('2万余条')).toMatchObject({ value: 20000, unit: '条', approx: 'more' });
    expect(parseFigureText('3400余万元')).toEqual({ value: 34000000, value_to: null, unit: '元', approx: 'more', kind: 'money' });
    expect(parseFigureText('3845万元')).toMatchObject({ value: 38450000, unit: '元', kind: 'money' });
    expect(parseFigureText('5万美元')).toMatchObject({ value: 50000, unit: '美元', kind: 'money' });
  });

  it('reads percentages, qualifiers and compound units', () => {
    expect(parseFigureText('百分之九十七点五')).toMatchObject({ value: 97.5, unit: '%', kind: 'percent' });
    expect(parseFigureText('97.5%')).toMatchObject({ value: 97.5, unit: '%', kind: 'percent' });
    expect(parseFigureText('一个百分点')).toMatchObject({ value: 1, unit: '个百分点', kind: 'percent' });
    expect(parseFigureText('43人（次）')).toMatchObject({ value: 43, unit: '人次', kind: 'count' });
    expect(parseFigureText('10300余人次')).toMatchObject({ value: 10300, unit: '人次', approx: 'more' });
    expect(parseFigureText('约20%左右')).toMatchObject({ value: 20, approx: 'about' });
    expect(parseFigureText('近3年')).toMatchObject({ value: 3, unit: '年', approx: 'less', kind: 'duration' });
    expect(parseFigureText('兩萬餘條')).toMatchObject({ value: 20000, unit: '條', approx: 'more' });
  });

  it('reads ranges and dates', () => {
    expect(parseFigureText('1-7月')).toEqual({ value: 1, value_to: 7, unit: '月', approx: null, kind: 'range' });
    expect(parseFigureText('2021—2035年')).toMatchObject({ value: 2021, value_to: 2035, unit: '年', kind: 'range' });
    expect(parseFigureText('3-5万元')).toMatchObject({ value: 30000, value_to: 50000, unit: '元', kind: 'range' });
    expect(parseFigureText('2023年')).toMatchObject({ value: 2023, unit: '年', kind: 'date' });
    expect(parseFigureText('2024年3月27日')).toMatchObject({ kind: 'date' });
  });

  it('returns null for what is not a figure', () => {
    expect(parseFigureText('进一步')).toBeNull();
    expect(parseFigureText('代表')).toBeNull();
    expect(parseFigureText('12件民生实事')).toBeNull();
  });
});
