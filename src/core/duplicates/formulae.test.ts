import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../text';
import { detectDuplicates } from './index';

const kinds = (text: string) => detectDuplicates(text, splitParagraphs(text)).map((d) => `${d.kind}:${d.a.text}`);

describe('standard formulae are boilerplate even in a single report', () => {
  it('a piece of a shipped formula repeated in two paragraphs is not a copied passage', () => {
    const text = '\n\n一年来，我们深入学习习近平总书记关于坚持和完善人民代表大会制度的重要思想，扎实推进各项工作。\n\n今后，要继续贯彻习近平总书记关于坚持和完善人民代表大会制度，确保人大工作沿着正确方向前进。\n';
    expect(kinds(text).filter((k) => k.startsWith('copied_passage'))).toEqual([]);
  });

  it('a formula template with a varying place name is boilerplate, not a copy', () => {
    const text = '\n\n常委会深入贯彻习近平总书记对江西工作的重要讲话重要指示精神，全面推进法治建设。\n\n我们将认真落实习近平总书记对江西工作的重要讲话重要指示精神，奋力开创新局面。\n';
    const found = kinds(text);
    expect(found.filter((k) => k.startsWith('copied_passage'))).toEqual([]);
    expect(found.some((k) => k.startsWith('boilerplate:习近平总书记对江西工作的重要讲话重要指示精神'))).toBe(true);
  });

  it('an ordinary passage copied between paragraphs is still reported', () => {
    const text = '\n\n开展执法检查，督促有关部门落实整改责任，推动解决群众反映强烈的突出问题。\n\n另外，督促有关部门落实整改责任，推动解决群众反映强烈的突出问题，取得明显成效。\n';
    expect(kinds(text).some((k) => k.startsWith('copied_passage'))).toBe(true);
  });
});
