import { describe, expect, it } from 'vitest';
import type { Defect } from '../schema';
import { cpSlice, splitParagraphs } from '../text';
import { detectDefects } from '.';

const run = (text: string): Defect[] => {
  const ds = detectDefects(text, splitParagraphs(text));
  for (const d of ds) expect(cpSlice(text, d.start, d.end)).toBe(d.text);
  return ds;
};
const kind = (ds: Defect[], k: Defect['kind']): Defect[] => ds.filter((d) => d.kind === k);
const cps = (s: string): number => [...s].length;
const brief = (d: Defect): [number, number, string, string | null] => [d.start, d.end, d.text, d.replacement];

describe('broken_paragraph', () => {
  it('spans the line breaks between a paragraph ending mid-word and its continuation', () => {
    const a = '加强对法规实施效果的评估论证，促进立法评估、论证迈上规范化、法治化轨';
    const text = `${a}\n\n道。坚决维护国家法治统一。`;
    expect(kind(run(text), 'broken_paragraph').map(brief)).toEqual([[cps(a), cps(a) + 2, '\n\n', '']]);
  });

  it('joins a paragraph ending with a comma to a short continuation', () => {
    const a = '督办信访事项11件，切实维护群众合法权益，';
    const text = `${a}\n\n促进社会和谐稳定。`;
    expect(kind(run(text), 'broken_paragraph').map(brief)).toEqual([[cps(a), cps(a) + 2, '\n\n', '']]);
  });

  it('finds the continuation a page layout moved past a caption and a section, with no fix to apply', () => {
    const a = '打铁还需自身硬。一年来，常委会持';
    const moved = ['图为常委会组成人员赴企业开展调研。', '二、聚焦民生实事', '常委会围绕群众急难愁盼开展监督，补齐'];
    const text = `${a}\n\n${moved.join('\n\n')}\n\n续加强自身建设，在建设“四个机关”中提升形象。`;
    const found = kind(run(text), 'broken_paragraph');
    // …持 / 续加强 makes a word (持续); …补齐 / 续加强 does not: the sentence was moved, not cut twice
    expect(found.map(brief)).toEqual([[cps(a), cps(a) + 2, '\n\n', null]]);
    expect(found[0].note).toContain('续加强');
  });

  it('leaves headings, titles, speaker lines, datelines and captions alone', () => {
    const text = [
      '长治市人民代表大会常务委员会工作报告',
      '——2024年3月27日在长治市第十五届人民代表大会第四次会议上',
      '(2024年2月21日在绛县第十七届人民代表大会第四次会议上)',
      '太原市人大常委会主任 魏 民',
      '各位代表：',
      '我受市十五届人民代表大会常务委员会委托，向大会报告工作，请予审议。',
      '过去一年的主要工作',
      '2023年是全面贯彻党的二十大精神开局之年。',
      '一、感悟思想伟力，强化政治引领，牢牢把握人大工作正确方向',
      '常委会牢牢把握人大机关首先是政治机关的本质属性。',
      '举旗帜、定航向 始终把牢正确政治方向',
      '图为市人大常委会召开相关条例立法调研座谈会',
      '激活力、聚合力 突出展示代表履职风采',
      '（一）加强立法工作',
      '制定地方性法规3件。',
    ].join('\n\n');
    expect(kind(run(text), 'broken_paragraph')).toEqual([]);
  });

  it('reports a sentence whose continuation is lost (a caption, a section or the end follows), with no fix', () => {
    const a = '山雄有脊，房固因梁。加强党的全面领导，是做好新时代人大工作的根本保证。一年来，市人大常委会持';
    const text = [a, '图为市人大常委会召开相关条例立法调研座谈会', '激活力、聚合力 突出展示代表履职风采', '（一）加强立法工作', '制定地方性法规3件。'].join('\n\n');
    expect(kind(run(text), 'broken_paragraph').map(brief)).toEqual([[cps(a), cps(a) + 2, '\n\n', null]]);
    // before a section, and at the end of the text (its last character)
    const b = '常委会围绕群众急难愁盼问题开展专题询问，督促有关部门抓好整改，推动解决了一批群众反映强烈的';
    expect(kind(run(`${b}\n\n二、加强代表工作`), 'broken_paragraph').map(brief)).toEqual([[cps(b), cps(b) + 2, '\n\n', null]]);
    expect(kind(run(`各位代表：\n\n${b}`), 'broken_paragraph').map(brief)).toEqual([[7 + cps(b) - 1, 7 + cps(b), '的', null]]);
  });

  it('does not report a lost continuation where the paragraph may just lack its full stop or the next line may continue it', () => {
    const text = [
      // ends on a word (成效): a missing full stop, not a cut sentence
      '一年来，常委会坚持依法履职，各项工作取得明显成效',
      '图为常委会组成人员赴企业开展调研',
      // a short line after 《 may be the title that continues it (links on lines of their own)
      '认真贯彻执行《',
      '会计法',
      '》，提高会计信息质量。',
      // a heading that ends unpunctuated, a list item, a table row
      '二、加强代表工作',
      '1.加强立法工作',
      '地区 2021年 2022年 2023年',
    ].join('\n\n');
    expect(kind(run(text), 'broken_paragraph').filter((d) => d.replacement === null)).toEqual([]);
  });

  it('reports hard-wrapped text (a line break at every printed line) as ONE finding that joins the lines', () => {
    const lines = [];
    for (let k = 0; k < 20; k++) lines.push(`第${k}段常委会依法履行监督职责，听取和审议专项工作报告，推动解决群众急`, `难愁盼问题，取得明显成效。`);
    const text = lines.join('\n');
    const found = kind(run(text), 'broken_paragraph');
    expect(found).toHaveLength(1);
    expect(found[0].start).toBe(cps(lines[0]));
    expect(found[0].replacement).toBe(found[0].text.replace(/(^|急)\n/g, '$1'));
    expect(found[0].note).toContain('20 line breaks');
  });

  it('does not join a paragraph to a list item, and reads 。 before an invisible character as the end', () => {
    expect(kind(run('形成一个完整企业网络。\u200c\n\n15.虚拟电厂：一种新型电源协调管理系统。'), 'broken_paragraph')).toEqual([]);
    expect(kind(run('推进下列工作，\n\n1.加强立法工作。'), 'broken_paragraph').filter((d) => d.replacement === '')).toEqual([]);
  });

  it('leaves the rows of a table alone (cells of numbers apart by spaces), but not prose beside them', () => {
    const rows = [
      '地区 2021年 2022年 2023年 2024年 增长',
      '城区 1234.5 1300.2 1350.8 1412.6 4.6% 1234.5 1300.2 1350.8 1412.6',
      '郊县 88.1 92.4 95.0 99.3 4.5% 88.1 92.4 95.0 99.3 4.5% 88.1 92.4',
      '5484.8 6867.2 8604.8 5545.6 8384 6908.8 2034.4 1840 732.8 1097.6 8022.4 5049.6',
    ];
    const prose = '加强对法规实施效果的评估论证，促进立法评估、论证迈上规范化、法治化轨';
    const text = [...rows, prose, '道。坚决维护国家法治统一。'].join('\n\n');
    const found = kind(run(text), 'broken_paragraph');
    expect(found).toHaveLength(1);
    expect(found[0].start).toBe(cps(rows.join('\n\n')) + 2 + cps(prose));
  });

  it('works with astral characters and Traditional Chinese', () => {
    const a = '𠀀市人大常委會組成人員與人大代表、人大代表與人民群眾之間的';
    const text = `標題\n\n${a}\n\n聯繫更加常態化。`;
    const start = 2 + 2 + cps(a);
    expect(kind(run(text), 'broken_paragraph').map(brief)).toEqual([[start, start + 2, '\n\n', '']]);
  });
});

describe('foreign_token', () => {
  it('flags an English word in Chinese prose with its surrounding spaces', () => {
    const text = '深入学习贯彻党的二十大精神 and 习近平总书记重要讲话精神。';
    const at = text.indexOf(' and ');
    expect(kind(run(text), 'foreign_token').map(brief)).toEqual([[at, at + 5, ' and ', '和']]);
  });

  it('counts code points before the token', () => {
    const text = '𠀀😀丰富站点活动内容 and 形式。';
    const at = cps(text.slice(0, text.indexOf(' and ')));
    expect(kind(run(text), 'foreign_token').map(brief)).toEqual([[at, at + 5, ' and ', '和']]);
  });

  it('leaves acronyms, names, units and URLs alone', () => {
    const text = '全市GDP增长5%，5G基站建成，PM2.5浓度下降，自动体外除颤器（AED）配置，政务APP上线，使用iPhone办公，访问 www.gov.cn 查询，面积20km左右，开通wifi服务，发布app。';
    expect(kind(run(text), 'foreign_token')).toEqual([]);
  });

  it('flags lower-case words without a known fix with replacement null', () => {
    const text = '推进数字政府 online 平台建设。';
    expect(kind(run(text), 'foreign_token').map(brief)).toEqual([[6, 14, ' online ', null]]);
  });
});

describe('markup_residue', () => {
  it('drops markdown bold markers, keeping the text', () => {
    const text = '推动人大事业蓬勃发展。**二是突出人民至上，在顺应群众期盼上办实事。**坚持以人民为中心。';
    const at = text.indexOf('**');
    expect(kind(run(text), 'markup_residue').map(brief)).toEqual([
      [at, at + 25, '**二是突出人民至上，在顺应群众期盼上办实事。**', '二是突出人民至上，在顺应群众期盼上办实事。'],
    ]);
  });

  it('finds headings, HTML tags, entities and links', () => {
    const text = '## 一、过去一年的主要工作\n\n常委会召开会议<br/>9次&nbsp;，详见[公告](https://example.org/a)。';
    const ds = kind(run(text), 'markup_residue').map(brief);
    const p2 = cps('## 一、过去一年的主要工作\n\n');
    expect(ds).toEqual([
      [0, 3, '## ', ''],
      [p2 + 7, p2 + 12, '<br/>', ''],
      [p2 + 14, p2 + 20, '&nbsp;', ''],
      [p2 + 23, p2 + 23 + cps('[公告](https://example.org/a)'), '[公告](https://example.org/a)', '公告'],
    ]);
  });

  it('does not flag ordinary text', () => {
    expect(kind(run('一、加强监督，3-5年内完成。第一条 <<条例>> 不是标记，1+1=2。'), 'markup_residue')).toEqual([]);
  });
});

describe('caption', () => {
  it('flags picture captions, bylines and editor lines as whole lines', () => {
    const lines = ['本报记者 梁英杰 王瑞', '图为市人大常委会主任参加集中视察活动', '正文内容在这里，说明了一些情况。', '责任编辑：张三', '来源：吕梁日报'];
    const text = lines.join('\n\n');
    const ds = kind(run(text), 'caption');
    expect(ds.map((d) => d.text)).toEqual([lines[0], lines[1], lines[3], lines[4]]);
    expect(ds.every((d) => d.replacement === '')).toBe(true);
    expect(ds[1].start).toBe(cps(lines[0]) + 2);
  });

  it('flags a newspaper headline block inside the prose, not a title at the start', () => {
    const lines = ['踔厉奋发担使命 奋楫扬帆新征程', '市人大常委会2023年工作综述', '本报记者 梁英杰 王瑞'];
    const prose = '人大宣传工作是人大工作的一项重要内容，市人大常委会严格落实意识形态工作责任制。';
    const text = [...lines, prose, ...lines, prose].join('\n\n');
    const ds = kind(run(text), 'caption');
    expect(ds.map((d) => d.text)).toEqual([lines[2], lines[0], lines[1], lines[2]]);
    expect(ds[1].start).toBe(cps([...lines, prose].join('\n\n')) + 2);
  });

  it('flags a picture credit in parentheses inside prose', () => {
    const text = '代表们深入企业视察（图片来源：市人大办公室）。';
    const at = text.indexOf('（');
    expect(kind(run(text), 'caption').map(brief)).toEqual([[at, at + cps('（图片来源：市人大办公室）'), '（图片来源：市人大办公室）', '']]);
  });

  it('does not flag prose that mentions pictures', () => {
    expect(kind(run('开展图书进社区活动，图为民服务成效明显的说法并不成立，这是一段很长很长的正文内容，超过了题注的长度限制，所以不会被当成题注来处理，我们继续写下去直到足够长为止，再写一些文字凑够长度，还要更多的文字才能超过一百二十个字的限制，好了差不多了吧还差一点点。'), 'caption')).toEqual([]);
  });
});

describe('mixed_punctuation', () => {
  it('leaves the marks of markup residue to the markup finding (&nbsp; and a markdown link)', () => {
    const text = '完成各项任务&nbsp;，详见[附件](http://example.com)。';
    const found = run(text);
    expect(kind(found, 'markup_residue').map((d) => d.text)).toEqual(['&nbsp;', '[附件](http://example.com)']);
    expect(kind(found, 'mixed_punctuation')).toEqual([]);
  });

  it('reports a report written in half-width punctuation as ONE finding', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `第${i}段,常委会认真履职;依法监督,成效明显(详见附件),继续努力!`);
    const text = `标题\n\n${paras.join('\n\n')}`;
    const ds = kind(run(text), 'mixed_punctuation');
    expect(ds).toHaveLength(1);
    expect(ds[0].start).toBe(text.indexOf(','));
    expect(ds[0].end).toBe(cps(text));
    expect(ds[0].replacement).toBe(ds[0].text.replace(/,/g, '，').replace(/;/g, '；').replace(/\(/g, '（').replace(/\)/g, '）').replace(/!/g, '！'));
  });

  it('counts the full-width marks exactly in the note, and a report with as many full-width marks is not half-width', () => {
    const halfPara = (i: number): string => `第${i}段,常委会认真履职;依法监督,成效明显!`; // 4 half-width marks
    // 12 half-width marks, 5 full-width (，；（）！ in the last paragraph)
    const text = `标题\n\n${[0, 1, 2].map(halfPara).join('\n\n')}\n\n此外，加强学习；提高能力（详见附件）！`;
    const ds = kind(run(text), 'mixed_punctuation');
    expect(ds).toHaveLength(1);
    expect(ds[0].note).toContain('12 marks (vs 5 full-width)');
    // 12 half-width, 14 full-width: not a half-width report, the runs are reported paragraph by paragraph
    const even = `${text}\n\n再者，加强学习；提高能力（详见附件）！此外，再者，还有；以及：完。`;
    const evenDs = kind(run(even), 'mixed_punctuation');
    expect(evenDs.map((d) => d.note)).toEqual(Array(3).fill('passage in half-width punctuation: 4 marks'));
    expect(evenDs.every((d) => !d.note?.includes('full-width)'))).toBe(true);
  });

  it('reports stray marks in a full-width report one by one, and a half-width run as one', () => {
    const text = '常委会认真履职，依法监督,成效明显。加强学习，提高能力，增强本领。\n\n一是加强监督,二是改进作风;三是密切联系:四是强化保障。同时，召开会议10:30开始，共1,000人参加。';
    const ds = kind(run(text), 'mixed_punctuation').map(brief);
    const a = text.indexOf(',');
    const b = text.indexOf('一是加强监督,') + 6;
    const e = text.indexOf('联系:') + 2;
    expect(ds).toEqual([
      [a, a + 1, ',', '，'],
      [b, e + 1, text.slice(b, e + 1), '，二是改进作风；三是密切联系：'],
    ]);
  });

  it('leaves numbers, times, URLs and Latin parentheses alone', () => {
    expect(kind(run('共1,000人，10:30开始，网址http://www.gov.cn，除颤器（AED）配置，PM2.5(细颗粒物)下降。'), 'mixed_punctuation').map((d) => d.text)).toEqual(['(', ')']);
  });
});

describe('markup_residue: list markers', () => {
  it('leaves a lone * footnote of a PDF alone, but flags a markdown list', () => {
    const footnote = '經常帳目 305,727\n\n* 即二零一五／一六年度的數字。\n\n政府會繼續審慎理財。';
    expect(kind(run(footnote), 'markup_residue')).toEqual([]);
    const list = '主要工作：\n\n- 加强立法\n\n- 强化监督\n\n- 密切联系群众';
    expect(kind(run(list), 'markup_residue').map((d) => d.text)).toEqual(['- ', '- ', '- ']);
    const withBold = '**主要工作**\n\n* 加强立法工作。';
    expect(kind(run(withBold), 'markup_residue').map((d) => d.text)).toEqual(['**主要工作**', '* ']);
  });
});

describe('letter-spaced text', () => {
  const spaced = (s: string): string => [...s].join(' ');
  it('is ONE finding per report whose fix removes the spaces between CJK characters', () => {
    const lines = [spaced('坚持党的领导'), spaced('加强人大监督工作'), `${spaced('行政长官')} 2021 ${spaced('年施政报告')}`];
    const text = ['各位代表：', ...lines, '常委会依法履职，成效明显。'].join('\n\n');
    const found = kind(run(text), 'markup_residue');
    expect(found).toHaveLength(1);
    const [d] = found;
    const first = text.indexOf(' ');
    expect(d.start).toBe(first);
    expect(d.text.startsWith(' 持 党')).toBe(true);
    // the autospace around 2021 goes too; the paragraph breaks stay
    expect(d.replacement).toBe(`持党的领导\n\n加强人大监督工作\n\n行政长官2021年施政报`);
    expect(d.end).toBe(text.lastIndexOf(' ') + 1);
  });

  it('leaves a spaced title, names, Latin words and column gaps alone', () => {
    // one spaced title in a plain-text report is typography
    expect(kind(run(`${spaced('政府工作报告')}\n\n太原市人大常委会主任 魏 民\n\n各位代表：现在报告工作。`), 'markup_residue')).toEqual([]);
    const lines = [`${spaced('成立')} AI ${spaced('效能提升组')}`, `${spaced('二零二零年')}  1.3  5.8`, spaced('加强人大监督工作'), spaced('推进高质量发展')];
    const [d] = kind(run(lines.join('\n')), 'markup_residue');
    expect(d.replacement).toBe('立 AI 效能提升组\n二零二零年  1.3  5.8\n加强人大监督工作\n推进高质量发');
  });

  it('counts code points (astral characters)', () => {
    const lines = [spaced('𠀀𠀀加强监督'), spaced('推进高质量发展'), spaced('坚持党的领导')];
    const text = lines.join('\n');
    const [d] = kind(run(text), 'markup_residue');
    expect(d.start).toBe(1);
    expect(d.replacement).toBe([...text].slice(1, [...text].length - 1).join('').replace(/ /g, ''));
  });

  it('gives one finding on a whole report of letter-spaced characters, none on spaces alone', () => {
    expect(kind(run('会 '.repeat(50_000)), 'markup_residue')).toHaveLength(1);
    expect(kind(run(' '.repeat(50_000)), 'markup_residue')).toEqual([]);
    expect(kind(run('\n'.repeat(50_000)), 'markup_residue')).toEqual([]);
  });
});

describe('degenerate text', () => {
  it('gives a bounded number of findings: one per report for report-wide defects', () => {
    const count = (text: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const d of run(text)) out[d.kind] = (out[d.kind] ?? 0) + 1;
      return out;
    };
    expect(count('会'.repeat(60_000))).toEqual({});
    expect(count('。'.repeat(60_000))).toEqual({});
    expect(count('\n'.repeat(60_000))).toEqual({});
    expect(count(' '.repeat(60_000))).toEqual({});
    expect(count('会 '.repeat(30_000))).toEqual({ markup_residue: 1 });
    expect(count('，'.repeat(60_000))).toEqual({});
    // the text ends on a comma after a character: cut off (no fix)
    expect(count('中,'.repeat(30_000))).toEqual({ mixed_punctuation: 1, broken_paragraph: 1 });
    // every paragraph cut mid-sentence: hard-wrapped, one finding
    expect(count('一年来，常委会坚持党的领导，召开常委会会议9次，审议法规草\n\n'.repeat(2_000))).toEqual({ broken_paragraph: 1 });
  });
});

describe('mixed_punctuation: note and list references are not prose (a Hong Kong budget\'s tables)', () => {
  it('(1) closing a table cell or heading line and (ii) before a space are not findings; prose brackets still are', () => {
    const text = '建議寬減差餉(1)\n\n公屋住宅單位(4)\t3,096\t258\n\n(ii) 記入經營帳目的投資收入。\n\n我们要加强监督(重点是民生)，推进改革。';
    const found = kind(run(text), 'mixed_punctuation').map((d) => d.text);
    expect(found).toEqual(['(', ')']);
  });
  it('a table row (cells apart by tabs) is not prose: 小型⇥69.9平方米及以下⇥(752平方呎及以下)', () => {
    expect(kind(run('小型\t69.9平方米及以下\t(752平方呎及以下)\n\n其中一些假設與經濟有關(即一般經濟假設)。'), 'mixed_punctuation').map((d) => d.text)).toEqual(['(', ')']);
  });
  it('a reference inside a sentence stays a finding: 差餉(1)寬減', () => {
    expect(kind(run('全年差餉(1)寬減，惠及住戶。'), 'mixed_punctuation').length).toBeGreaterThan(0);
  });
});

describe('broken_paragraph: a table row of two numbers is not a sentence cut short', () => {
  it('8,000⇥8,000 between rows of a tax table is no finding; a sentence cut after ， still is', () => {
    const text = '合資格自願醫保計劃保單保費\t每名受保人 每名受保人\n\n8,000\t8,000\n\n年金保費及強積金自願性供款\t60,000\t60,000\n\n（一）寬減百分之百的利得稅，\n\n上限為六千元，全港企業受惠。';
    const found = kind(run(text), 'broken_paragraph');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0].start - 4, found[0].start)).toBe('利得稅，');
  });
});
