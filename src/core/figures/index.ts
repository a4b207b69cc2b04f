/**
 * Figures: numbers that state a quantity, with qualifier and unit (ANNOTATION-GUIDE §1), and
 * digit-bearing names shown dimmed.
 */
export { detectFigures } from './detect';
export { parseFigureText, type ParsedFigure } from './parse';
export { parseChineseNumber } from './numerals';
