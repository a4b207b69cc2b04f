import { describe, expect, it } from 'vitest';
import { detectFigures } from './index';

const one = (text: string, surface: string) => {
  const hits = detectFigures(text).filter((f) => f.text === surface);
  expect(hits, `${surface} in ${text}`).toHaveLength(1);
  return hits[0];
};

describe('units as datasets compare them', () => {
  it('the full-width percent sign is the percent sign', () => {
    const a = one('全省地区生产总值增长5.8％。', '5.8％');
    const b = one('全省地区生产总值增长5.8%。', '5.8%');
    expect(a.unit).toBe('%');
    expect(a.value).toBe(5.8);
    expect(b.unit).toBe('%');
  });
  it('头只 (livestock) and 标箱 (TEU) are units of their own', () => {
    const f = one('牧业年度牲畜存栏14万头只。', '14万头只');
    expect(f).toMatchObject({ value: 140000, unit: '头只' });
    expect(f.metric).toBe('牧业年度牲畜存栏');
    expect(one('武汉港集装箱吞吐量350万标箱。', '350万标箱')).toMatchObject({ value: 3500000, unit: '标箱' });
  });
});

describe('a verb that states the level reached is no part of the metric', () => {
  it.each([
    ['服务业比重上升到50.5%。', '50.5%', '服务业比重'],
    ['粮食总产稳定在500亿斤以上。', '500亿斤以上', '粮食总产'],
    ['全年地区生产总值完成235.2亿元。', '235.2亿元', '全年地区生产总值'],
    ['全年接待国内外游客突破370万人次。', '370万人次', '全年接待国内外游客'],
  ])('%s', (text, surface, metric) => {
    expect(one(text, surface).metric).toBe(metric);
  });
  it('a change keeps its verb (增长8.5% is the growth)', () => {
    expect(one('居民储蓄存款余额增长8.5%。', '8.5%').metric).toBe('居民储蓄存款余额增长');
  });
});
