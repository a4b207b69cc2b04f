import { describe, expect, it } from 'vitest';
import { chineseNumeral, guessKind, parseFigureInput, parseFigureLocal, parseValueInput } from './parseValue';

describe('value edit parsing', () => {
  it('parses what an analyst types into the value field', () => {
    expect(parseValueInput('3400万')).toBe(34000000);
    expect(parseValueInput('3400余万元')).toBe(34000000);
    expect(parseValueInput('1.2亿')).toBe(120000000);
    expect(parseValueInput('两万')).toBe(20000);
    expect(parseValueInput('１２')).toBe(12);
    expect(parseValueInput('34,000,000')).toBe(34000000);
    expect(parseValueInput('97.5%')).toBe(97.5);
    expect(parseValueInput('一千二百三十四')).toBe(1234);
    expect(parseValueInput('十二')).toBe(12);
    expect(parseValueInput('abc')).toBeNull();
    expect(parseValueInput('')).toBeNull();
  });

  it('reads unit, qualifier and ranges', () => {
    expect(parseFigureInput('2万余条')).toMatchObject({ value: 20000, unit: '条', approx: 'more' });
    expect(parseFigureInput('约3000人')).toMatchObject({ value: 3000, unit: '人', approx: 'about' });
    expect(parseFigureLocal('1-7月')).toMatchObject({ value: 1, valueTo: 7, unit: '月' });
    expect(parseFigureLocal('近500家')).toMatchObject({ value: 500, unit: '家', approx: 'less' });
  });

  it('converts Chinese numerals', () => {
    expect(chineseNumeral('二〇二四')).toBe(2024);
    expect(chineseNumeral('一亿二千万')).toBe(120000000);
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('壹佰')).toBe(100);
    expect(chineseNumeral('abc')).toBeNull();
  });

  it('guesses the kind of a manual figure', () => {
    expect(guessKind('97.5%')).toBe('percent');
    expect(guessKind('3400万元')).toBe('money');
    expect(guessKind('2024年3月27日')).toBe('date');
    expect(guessKind('9次')).toBe('count');
  });
});
