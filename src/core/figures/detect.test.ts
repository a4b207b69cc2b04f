import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../schema';
import { cpSlice } from '../text';
import { detectFigures } from './index';

const quantities = (figs: Figure[]): Figure[] => figs.filter((f) => f.kind !== 'name' && f.kind !== 'date');
const texts = (figs: Figure[]): string[] => figs.map((f) => f.text);

/** The one figure whose text is `surface` (fails if absent or ambiguous). */
function only(text: string, surface: string): Figure {
  const hits = detectFigures(text).filter((f) => f.text === surface);
  expect(hits, `${surface} in ${text}`).toHaveLength(1);
  return hits[0];
}

describe('counts with metrics (clause structure)', () => {
  it('reads a list of activity counts (changzhi)', () => {
    const t = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，依法任免国家机关工作人员43人（次），为全市经济社会高质量发展提供了坚实的民主法治保障。';
    const figs = detectFigures(t);
    expect(figs.map((f) => [f.text, f.value, f.unit, f.metric])).toEqual([
      ['9次', 9, '次', '召开常委会会议'],
      ['3件', 3, '件', '制定、修改地方性法规'],
      ['16项', 16, '项', '听取审议专项报告'],
      ['43人（次）', 43, '人次', '依法任免国家机关工作人员'],
    ]);
    const f = figs[0];
    expect([f.start, f.end]).toEqual([11, 13]);
    expect(cpSlice(t, f.start, f.end)).toBe('9次');
  });

  it('never carries a metric over a sentence end (a figure alone after a comma still shares it)', () => {
    const figs = detectFigures('培育“链主”企业10家。1至11月，全市进出口总额完成586.3亿元。发放补助32241人,3400余万元。');
    expect(figs.map((f) => [f.text, f.metric])).toEqual([
      ['10家', '培育“链主”企业'],
      ['1至11月', null],
      ['586.3亿元', '进出口总额'],
      ['32241人', '发放补助'],
      ['3400余万元', '发放补助'],
    ]);
  });

  it('does not carry a metric into a figure that is followed by what it counts', () => {
    const figs = detectFigures('投资五千万元，两千余人参加，其中3200人次。');
    expect(figs.map((f) => [f.text, f.metric])).toEqual([
      ['五千万元', '投资'],
      ['两千余人', '参加'],
      ['3200人次', null],
    ]);
  });

  it('ends the noun after a number at 的 unless it closes a relative clause, and before a verb', () => {
    const t = '办好12件群众期盼的民生实事，督办30个群众反映强烈的难题，审查8部法律法规的实施情况，覆盖156个村的村规民约，分3个批次组织60名代表视察，与80余名代表建立了联系，派驻9名干部常驻村里，明确4个方面19项内容，2个月内完成整改问题37个。';
    expect(quantities(detectFigures(t)).map((f) => [f.text, f.metric])).toEqual([
      ['12件', '群众期盼的民生实事'],
      ['30个', '群众反映强烈的难题'],
      ['8部', '法律法规'],
      ['156个', '村'],
      ['3个', '批次'],
      ['60名', '代表'],
      ['80余名', '代表'],
      ['9名', '干部'],
      ['4个', '方面'],
      ['19项', '内容'],
      ['2个月内', null],
      ['37个', '完成整改问题'],
    ]);
  });

  it('takes the action after a count that opens its clause, and does not count 两位数', () => {
    const figs = detectFigures('常委会先后三次听取审议相关报告，两次开展跟踪监督，连续3年保持两位数增长。');
    expect(figs.map((f) => [f.text, f.value, f.metric])).toEqual([
      ['三次', 3, '常委会先后听取审议相关报告'],
      ['两次', 2, '开展跟踪监督'],
      ['3年', 3, '保持两位数增长'],
    ]);
  });

  it('reads rate units written with a slash', () => {
    const t = '粮食收购均价2800元/吨，人口密度520人/平方公里，PM2.5平均浓度为32微克/立方米，时速120公里／小时。';
    expect(quantities(detectFigures(t)).map((f) => [f.text, f.kind, f.value, f.unit])).toEqual([
      ['2800元/吨', 'money', 2800, '元/吨'],
      ['520人/平方公里', 'count', 520, '人/平方公里'],
      ['32微克/立方米', 'count', 32, '微克/立方米'],
      ['120公里／小时', 'count', 120, '公里／小时'],
    ]);
  });

  it('gives the figure after 、 its own metric only when a figure stands before it', () => {
    const figs = detectFigures('紧扣市委决策部署,召开常委会会议9次、主任会议23次,作出决议决定5项;');
    expect(figs.map((f) => f.metric)).toEqual(['召开常委会会议', '主任会议', '作出决议决定']);
  });

  it('takes the noun after the unit when the number stands before it', () => {
    const figs = detectFigures('大兴调查研究，梳理5个问题清单23项措施，出台制度规范6项，持续感悟思想伟力。');
    expect(figs.map((f) => [f.text, f.metric])).toEqual([['5个', '问题清单'], ['23项', '措施'], ['6项', '出台制度规范']]);
    expect(only('对市人民政府报备的电网工程建设、政务信息化项目建设等7件规范性文件进行审查，', '7件').metric).toBe('规范性文件');
    expect(only('评定出100个“示范型”代表联络站点并进行命名授牌。', '100个').metric).toBe('“示范型”代表联络站点');
  });

  it('joins both sides of an action count inside a verb phrase', () => {
    expect(only('邀请人大代表50多人次列席常委会会议，', '50多人次')).toMatchObject({ value: 50, approx: 'more', unit: '人次', metric: '邀请人大代表列席常委会会议' });
    expect(only('邀请代表220多人次参加常委会组织的执法检查、视察调研等活动，', '220多人次').metric).toBe('邀请代表参加常委会组织的执法检查');
  });

  it('shares a metric between a noun count and the count after it', () => {
    const figs = detectFigures('提出抓项目、稳增长、扩内需、保民生等四方面工作建议11条，推动全市经济平稳向好；');
    expect(figs.map((f) => [f.text, f.value, f.unit, f.metric])).toEqual([['四方面', 4, '方面', '工作建议'], ['11条', 11, '条', '工作建议']]);
  });

  it('counts administrative units (taiyuan)', () => {
    const figs = detectFigures('开展全市代表联络站工作调研，赴10县（市、区）走访联络站点31个，总结实践经验。');
    expect(figs.map((f) => [f.text, f.value, f.unit, f.metric])).toEqual([
      ['10县（市、区）', 10, '县（市、区）', '县（市、区）'],
      ['31个', 31, '个', '走访联络站点'],
    ]);
  });

  it('drops 全市 but keeps 全年, and drops 共/等/达', () => {
    expect(only('全市五级人大代表进站履职8783人次，', '8783人次').metric).toBe('五级人大代表进站履职');
    expect(only('全年共召开县人大常委会会议8次、主任会议14次,', '8次').metric).toBe('全年召开县人大常委会会议');
    expect(only('全年开展党组理论中心组学习、研讨交流等20余次，', '20余次').metric).toBe('全年开展党组理论中心组学习、研讨交流');
    expect(only('共办理代表建议154件,满意率达97.5%。', '97.5%')).toMatchObject({ kind: 'percent', value: 97.5, unit: '%', metric: '满意率' });
    const figs = detectFigures('全市12个县区共建有规范化实体代表联络站136个、联络点396个，');
    expect(figs.map((f) => f.metric)).toEqual(['县区', '建有规范化实体代表联络站', '联络点']);
  });

  it('reads a figure of a comma-separated list with the metric of the figure before (lvliang)', () => {
    const figs = detectFigures('发放交通补贴、稳岗补助32241人,3400余万元,累计投放小额信贷3845万元,兑现政策红利;');
    expect(figs.map((f) => [f.text, f.kind, f.value, f.unit, f.approx, f.metric])).toEqual([
      ['32241人', 'count', 32241, '人', null, '发放交通补贴、稳岗补助'],
      ['3400余万元', 'money', 34000000, '元', 'more', '发放交通补贴、稳岗补助'],
      ['3845万元', 'money', 38450000, '元', null, '投放小额信贷'],
    ]);
  });

  it('reads two figures in a row (luzhou)', () => {
    const figs = detectFigures('自觉接受区委的政治巡察，集中整治9个方面20个问题。');
    expect(figs.map((f) => [f.text, f.value, f.metric])).toEqual([['9个', 9, '方面'], ['20个', 20, '问题']]);
  });

  it('counts written in Chinese numerals', () => {
    expect(only('先后两次审议区政府预算调整方案的报告，', '两次')).toMatchObject({ kind: 'count', value: 2, unit: '次' });
    expect(only('组织全市五级百名人大代表对条例进行执法检查，', '百名')).toMatchObject({ value: 100, unit: '名', metric: '人大代表' });
    expect(only('各级人大代表提出意见建议2万余条,', '2万余条')).toMatchObject({ value: 20000, unit: '条', approx: 'more' });
    expect(only('收到两万余条意见。', '两万余条')).toMatchObject({ value: 20000, unit: '条', approx: 'more' });
  });
});

describe('Traditional Chinese', () => {
  it('reads measure words, multipliers and qualifiers in Traditional characters', () => {
    const figs = detectFigures('召開常委會會議9次、主任會議23次；審議法規3件，收集意見建議2萬餘條，支出約3400萬元。');
    expect(figs.map((f) => [f.text, f.value, f.unit, f.approx, f.metric])).toEqual([
      ['9次', 9, '次', null, '召開常委會會議'],
      ['23次', 23, '次', null, '主任會議'],
      ['3件', 3, '件', null, '審議法規'],
      ['2萬餘條', 20000, '條', 'more', '收集意見建議'],
      ['約3400萬元', 34000000, '元', 'about', '支出'],
    ]);
  });

  it('reads Traditional names and non-figures', () => {
    const figs = detectFigures('市十五屆人大三次會議以來，進一步加強監督，確定了14項重點工作，共計12個項目。');
    expect(figs.map((f) => [f.kind, f.text])).toEqual([['name', '十五屆人大三次會議'], ['count', '14項'], ['count', '12個']]);
    expect(figs[1].metric).toBe('重點工作');
  });
});

describe('offsets', () => {
  it('counts astral characters as one code point', () => {
    const t = '𠀀𠀁代表😀进站１２人次，增长12.5%。';
    const figs = detectFigures(t);
    expect(figs.map((f) => [f.text, f.start, f.end, f.value])).toEqual([['１２人次', 7, 11, 12], ['12.5%', 14, 19, 12.5]]);
    for (const f of figs) expect(cpSlice(t, f.start, f.end)).toBe(f.text);
    expect(figs[0].metric).toBe('𠀀𠀁代表😀进站');
  });

  it('reads full-width digits and thousands separators', () => {
    expect(only('接待群众２３６９６人次。', '２３６９６人次').value).toBe(23696);
    expect(only('接待群众23,696人次。', '23,696人次').value).toBe(23696);
  });
});

describe('dates, ranges and durations', () => {
  it('takes 底/初/末 after a year into the date, but not the first character of a word', () => {
    const dates = (t: string): string[] => detectFigures(t).filter((f) => f.kind === 'date').map((f) => f.text);
    expect(dates('截至2024年底，全市共有代表1.2万名。')).toEqual(['截至2024年底']);
    expect(dates('2024年初，召开会议3次；2023年末常住人口320万人。')).toEqual(['2024年初', '2023年末']);
    expect(dates('2024年初步建成体系，2024年底线思维。')).toEqual(['2024年', '2024年']);
  });

  it('reads dates', () => {
    const t = '——2024年3月27日在长治市。2023年是开局之年。去年11月，调研。截至11月底，共有537名代表。2025年8月，采访。';
    const dates = detectFigures(t).filter((f) => f.kind === 'date');
    expect(texts(dates)).toEqual(['2024年3月27日', '2023年', '去年11月', '截至11月底', '2025年8月']);
    expect(dates[1]).toMatchObject({ value: 2023, unit: '年', metric: null });
  });

  it('reads ranges', () => {
    const figs = detectFigures('听取审议2023年1-7月国民经济执行情况，审议《长治市国土空间总体规划（2021—2035年）》制定情况。');
    expect(figs.map((f) => [f.kind, f.text, f.value, f.value_to, f.unit])).toEqual([
      ['date', '2023年', 2023, null, '年'],
      ['range', '1-7月', 1, 7, '月'],
      ['range', '2021—2035年', 2021, 2035, '年'],
    ]);
    expect(figs[2].metric).toBe('长治市国土空间总体规划');
  });

  it('reads durations, including 一 with a duration cue', () => {
    const t = '赴培训基地开展为期一周的学习培训，连续5个月督导巩固衔接工作，用一个月的时间对代表建议进行督办，1个月内搬迁危房157户，也是三年疫情防控转段后的一年。';
    const durs = detectFigures(t).filter((f) => f.kind === 'duration');
    expect(durs.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['一周', 1, '周'], ['5个月', 5, '个月'], ['一个月', 1, '个月'], ['1个月内', 1, '个月'], ['三年', 3, '年'],
    ]);
    expect(durs[0].metric).toBe('学习培训');
  });

  it('reads percentage points and 百分之', () => {
    expect(only('持续跟踪“森林覆盖率年均增加一个百分点”工作情况', '一个百分点')).toMatchObject({ kind: 'percent', value: 1, unit: '个百分点' });
    expect(only('满意率达到百分之九十七点五。', '百分之九十七点五')).toMatchObject({ kind: 'percent', value: 97.5 });
  });
});

describe('what is not a quantity', () => {
  it('ignores 一 in fixed words and articles', () => {
    const t = '进一步加强监督，一体推进学习，提供一站式服务，坚持统一思想，这是唯一途径，存在一些问题，一年来，形成了一批成果，把营商环境作为一项重点工作，坚持每周一次，过去一年。';
    expect(quantities(detectFigures(t))).toEqual([]);
  });

  it('reports ordinals, sessions, levels and slogans as names', () => {
    const t = '在长治市第十五届人民代表大会第四次会议上，市十五届人大三次会议，党的二十大和二十届二中全会精神，五级人大代表，深刻领悟“两个确立”，“十四五”规划，“543”体系，调研985重点产业链，开展国家12.4宪法日活动，中央八项规定精神，入围第一批示范单位，十五届人大常委会五年立法规划。';
    const figs = detectFigures(t);
    expect(quantities(figs)).toEqual([]);
    expect(texts(figs)).toEqual(['第十五届', '第四次会议', '十五届人大三次会议', '二十大', '二十届二中全会', '五级人大代表', '“两个确立”', '“十四五”', '“543”', '985', '12.4', '八项规定', '第一批', '十五届', '五年立法规划']);
    expect(figs.every((f) => f.kind === 'name' && f.value === null)).toBe(true);
  });

  it('reads 千 that starts a unit of measure as the unit, not a place value', () => {
    const t = '装机容量达到120万千瓦，年发电量2.3亿千瓦时，新建道路30千米，人均5千克，耕地12千公顷，共计3千多人，投资五千万元。';
    expect(quantities(detectFigures(t)).map((f) => [f.text, f.value, f.unit, f.approx])).toEqual([
      ['120万千瓦', 1200000, '千瓦', null],
      ['2.3亿千瓦时', 230000000, '千瓦时', null],
      ['30千米', 30, '千米', null],
      ['5千克', 5, '千克', null],
      ['12千公顷', 12, '千公顷', null],
      ['3千多人', 3000, '人', 'more'],
      ['五千万元', 50000000, '元', null],
    ]);
  });

  it('gives a time frame (近三年来, 五年以來) no metric, and takes 年度 into a range of years', () => {
    const figs = detectFigures('近三年来，累计改造老旧小区1.2万余平方米；五年以來，新建學校12所。2023—2024年度考核优秀。');
    expect(figs.map((f) => [f.text, f.kind, f.metric])).toEqual([
      ['近三年', 'duration', null],
      ['1.2万余平方米', 'count', '改造老旧小区'],
      ['五年', 'duration', null],
      ['12所', 'count', '新建學校'],
      ['2023—2024年度', 'range', '考核优秀'],
    ]);
  });

  it('reads a quarter after a year as one date, with 第 and a date prefix', () => {
    const figs = detectFigures('另有约300项将于2025年第一季度完成，2024年三季度增长5%，今年第二季度完成。');
    expect(figs.map((f) => [f.text, f.kind, f.metric])).toEqual([
      ['约300项', 'count', null],
      ['2025年第一季度', 'date', null],
      ['2024年三季度', 'date', null],
      ['5%', 'percent', '增长'],
      ['今年第二季度', 'date', null],
    ]);
  });

  it('reports a quantity naming a class (…级) as a name', () => {
    const figs = detectFigures('建成10万吨级码头2个，新增百万千瓦级电站1座。');
    expect(quantities(figs).map((f) => [f.text, f.metric])).toEqual([
      ['2个', '建成10万吨级码头'],
      ['1座', '新增百万千瓦级电站'],
    ]);
    expect(figs.filter((f) => f.kind === 'name').map((f) => f.text)).toEqual(['10万吨级', '百万千瓦级']);
  });

  it('reads 第N届人大M次会议 as one name', () => {
    const figs = detectFigures('县第十七届人大三次会议以来，共召开会议9次。');
    expect(figs.map((f) => [f.text, f.kind])).toEqual([['第十七届人大三次会议', 'name'], ['9次', 'count']]);
  });

  it('ignores enumerations', () => {
    expect(detectFigures('一是加强学习；二、推进工作；（三）完善制度。')).toEqual([]);
  });

  it('reads a count inside quotes when it has digits and a measure word', () => {
    const f = only('视察省政府确定的“12件民生实事”办理情况', '12件');
    expect(f).toMatchObject({ kind: 'count', value: 12, unit: '件', metric: '民生实事' });
    expect(quantities(detectFigures('坚持“四个机关”定位，增强“四个意识”，落实“两个联系”。'))).toEqual([]);
  });

  it('ignores numbers glued to Latin letters', () => {
    expect(quantities(detectFigures('建设5G基站，参加G20会议。'))).toEqual([]);
  });
});

describe('the sample reports', () => {
  const dir = join(__dirname, '../../../resources/samples');
  const read = (name: string): string => readFileSync(join(dir, `${name}.txt`), 'utf8');

  it('finds the hand-checked figures of jiangxian (half-width punctuation)', () => {
    const figs = detectFigures(read('jiangxian-county-2024'));
    const q = quantities(figs);
    const pick = (s: string): Figure | undefined => q.find((f) => f.text === s);
    expect(pick('23件(次)')).toMatchObject({ value: 23, unit: '件次', metric: '全年受理信访事项' });
    expect(pick('97.5%')).toMatchObject({ value: 97.5, metric: '满意率' });
    expect(pick('2300余人次')).toMatchObject({ value: 2300, approx: 'more' });
    expect(pick('两天')).toMatchObject({ kind: 'duration', value: 2 });
    expect(figs.find((f) => f.text === '1-7月')).toMatchObject({ kind: 'range', value: 1, value_to: 7 });
    expect(figs.find((f) => f.text === '去年11月')?.kind).toBe('date');
    // no 一 of 一年来/进一步/一府两院 is a quantity
    expect(q.filter((f) => f.text.startsWith('一'))).toEqual([expect.objectContaining({ text: '一周', kind: 'duration' })]);
  });

  it('finds the hand-checked figures of lvliang and luzhou', () => {
    const lv = quantities(detectFigures(read('lvliang-city-2024-newspaper')));
    expect(lv.find((f) => f.text === '2万余条')).toMatchObject({ value: 20000, metric: '各级人大代表提出意见建议' });
    expect(lv.find((f) => f.text === '3400余万元')).toMatchObject({ kind: 'money', value: 34000000, unit: '元' });
    expect(lv.find((f) => f.text === '5个月')).toMatchObject({ kind: 'duration', value: 5 });
    expect(lv.some((f) => f.text.includes('985') || f.text.includes('12.4'))).toBe(false);
    const lz = quantities(detectFigures(read('luzhou-district-2025')));
    expect(lz.find((f) => f.text === '938人次')).toMatchObject({ value: 938 });
    expect(lz.find((f) => f.text === '537名')).toMatchObject({ metric: '五级代表' });
    expect(lz.find((f) => f.text === '93%')).toMatchObject({ metric: '办结满意率' });
  });

  // (its speed is measured by bench/analyze, which prints it: a test never fails on time — house rules)
  it('reads a large text (the five reports 30 times over, ~3 MB) as 30 copies of their figures', () => {
    const all = ['changzhi-city-2024', 'taiyuan-city-2024', 'jiangxian-county-2024', 'luzhou-district-2025', 'lvliang-city-2024-newspaper'].map(read).join('\n');
    const figs = detectFigures(all.repeat(30));
    expect(figs.length).toBe(detectFigures(all).length * 30);
  });
});
