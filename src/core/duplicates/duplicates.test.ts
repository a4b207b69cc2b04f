import { describe, expect, it } from 'vitest';
import type { Duplicate } from '../schema';
import { cpSlice, splitParagraphs } from '../text';
import { buildBoilerplate, detectDuplicates } from '.';

const run = (text: string, model?: ReturnType<typeof buildBoilerplate>): Duplicate[] => detectDuplicates(text, splitParagraphs(text), model);
const kind = (ds: Duplicate[], k: Duplicate['kind']): Duplicate[] => ds.filter((d) => d.kind === k);
const cps = (s: string): number => [...s].length;
/** every span's text must be the text at its code point offsets */
function checkSpans(text: string, ds: Duplicate[]): void {
  for (const d of ds) for (const s of [d.a, d.b, ...(d.places ?? [])]) expect(cpSlice(text, s.start, s.end)).toBe(s.text);
}

const S = '常委会组成人员履职学习、研讨交流等20余次，大兴调查研究，深入推进检视整改，梳理5个问题清单23项措施。';

describe('exact_paragraph', () => {
  it('pairs a paragraph equal to an earlier one after folding width and punctuation', () => {
    const p = '在依法履职中坚定党的领导。认真落实党中央在生态保护、国有资产管理等方面提出的新要求，周密安排，扎实推进。';
    const q = p.replace(/，/g, ',').replace('。', '.');
    const text = `标题\n\n${p}\n\n另一段不相干的文字，内容完全不同，长度也够二十个字了吧。\n\n${q}`;
    const ds = run(text);
    const ex = kind(ds, 'exact_paragraph');
    expect(ex).toHaveLength(1);
    expect(ex[0].a).toEqual({ start: 4, end: 4 + cps(p), text: p });
    const qStart = text.length - q.length;
    expect(ex[0].b).toEqual({ start: qStart, end: qStart + cps(q), text: q });
    expect(ex[0].length).toBe(cps(p));
    expect(kind(ds, 'copied_passage')).toEqual([]);
  });

  it('is one group with 500 places for a paragraph repeated 500 times, fast', () => {
    const p = '在强化理论武装中夯实思想根基。严格落实第一议题制度，及时跟进学习，用党的创新理论统揽和指导人大工作，扎实开展主题教育。';
    const text = Array(500).fill(p).join('\n\n');
    const t0 = performance.now();
    const ds = run(text);
    const ms = performance.now() - t0;
    const ex = kind(ds, 'exact_paragraph');
    expect(ex).toHaveLength(1);
    expect(ex[0].places).toHaveLength(500);
    expect(ex[0].places?.[499]).toEqual({ start: 499 * (cps(p) + 2), end: 499 * (cps(p) + 2) + cps(p), text: p });
    expect(ds.filter((d) => d.kind !== 'exact_paragraph' && d.kind !== 'boilerplate')).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});

describe('near_paragraph', () => {
  it('pairs paragraphs with 5-gram Jaccard ≥ 0.8 and records the similarity', () => {
    const p = '听取和审议市政府关于年度环境状况和环境保护目标任务完成情况的报告，开展我市太行山生态保护情况专题调研，开展城市绿化条例执法检查，推动解决群众反映强烈的突出问题。';
    const q = p.replace('太行山', '太岳山');
    const text = `${p}\n\n${q}`;
    const near = kind(run(text), 'near_paragraph');
    expect(near).toHaveLength(1);
    expect(near[0].a).toEqual({ start: 0, end: cps(p), text: p });
    expect(near[0].b).toEqual({ start: cps(p) + 2, end: cps(p) + 2 + cps(q), text: q });
    const grams = (s: string): Set<string> => new Set([...s].map((_, i, a) => a.slice(i, i + 5).join('')).filter((g) => [...g].length === 5));
    const ga = grams(p.replace(/，/g, ',').replace(/。/g, '.').replace(/、/g, ','));
    const gb = grams(q.replace(/，/g, ',').replace(/。/g, '.').replace(/、/g, ','));
    const common = [...ga].filter((g) => gb.has(g)).length;
    expect(near[0].similarity).toBeCloseTo(common / (ga.size + gb.size - common), 3);
    expect(near[0].similarity).toBeGreaterThanOrEqual(0.8);
    expect(kind(run(text), 'copied_passage')).toEqual([]);
  });

  it('groups 500 variants of one paragraph into one near group', () => {
    const p = '全年开展党组理论中心组学习、常委会组成人员履职学习、研讨交流等20余次，梳理5个问题清单23项措施，出台制度规范6项，持续感悟思想伟力，汲取奋进动力，切实把主题教育成果转化为实际成效。';
    const text = Array.from({ length: 500 }, (_, i) => p.replace('20', String(i))).join('\n\n');
    const ds = run(text);
    const near = kind(ds, 'near_paragraph');
    expect(near).toHaveLength(1);
    expect(near[0].places).toHaveLength(500);
    expect(kind(ds, 'copied_passage')).toEqual([]);
  });
});

describe('copied_passage', () => {
  it('reports the maximal shared run of two different paragraphs', () => {
    const a = `全年开展党组理论中心组学习、${S}`;
    const b = `严格执行重大事项请示报告制度，向市委专题报告市人大${S}`;
    const text = `${a}\n\n${b}`;
    const cp = kind(run(text), 'copied_passage');
    expect(cp).toHaveLength(1);
    const aStart = cps('全年开展党组理论中心组学习、');
    const bStart = cps(a) + 2 + cps('严格执行重大事项请示报告制度，向市委专题报告市人大');
    expect(cp[0].a).toEqual({ start: aStart, end: aStart + cps(S), text: S });
    expect(cp[0].b).toEqual({ start: bStart, end: bStart + cps(S), text: S });
    expect(cp[0].length).toBe(cps(S));
  });

  it('keeps the copied passage beside an exact pair and mirrors it into the copy (changzhi case)', () => {
    const a = `全年开展党组理论中心组学习、${S}`;
    const b = `严格执行重大事项请示报告制度，向市委专题报告市人大${S}`;
    const text = `${a}\n\n${b}\n\n${b}`;
    const ds = run(text);
    const ex = kind(ds, 'exact_paragraph');
    expect(ex).toHaveLength(1);
    const cp = kind(ds, 'copied_passage');
    expect(cp).toHaveLength(1);
    const off = cps('严格执行重大事项请示报告制度，向市委专题报告市人大');
    const b1 = cps(a) + 2 + off;
    const b2 = cps(a) + 2 + cps(b) + 2 + off;
    expect(cp[0].b.start).toBe(b1);
    expect(cp[0].places?.map((s) => s.start)).toEqual([cps('全年开展党组理论中心组学习、'), b1, b2]);
  });

  it('is one group with 500 places for a passage repeated in 500 different paragraphs', () => {
    let seed = 7;
    const han = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经之进着等部度家电力里如水化高自理起小物现实加量都体制机当使点从业本去把性好应开它合还因由其些然前外天政日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几区强放决西被干做必战先回则任取据处队南给色光门即保治北造规热领海口东导器压志世金增争济阶油思术极交受联什认共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const noise = (n: number): string => Array.from({ length: n }, () => han[Math.floor(rnd() * han.length)]).join('');
    const paras = Array.from({ length: 500 }, () => `${noise(40)}。${S}${noise(40)}。`);
    const text = paras.join('\n\n');
    const t0 = performance.now();
    const cp = kind(run(text), 'copied_passage');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(cp).toHaveLength(1);
    expect(cp[0].places).toHaveLength(500);
    for (const s of cp[0].places ?? []) expect(s.text).toContain(S);
  });

  it('ignores runs shorter than 20 characters and repeats inside one paragraph', () => {
    const r = '深入推进检视整改梳理问题清单'; // 14
    const text = `${r}，第一段其余的文字在这里。\n\n第二段先说别的事情，${r}。\n\n${S}又说了一遍${S}`;
    expect(kind(run(text), 'copied_passage')).toEqual([]);
  });

  it('treats shared formulae and corpus boilerplate as boilerplate, not copies', () => {
    const f = '坚持党的领导、人民当家作主、依法治国有机统一';
    const text = `一年来，常委会${f}，紧扣高质量发展主题主线。\n\n新的一年，我们将${f}，依法履职尽责。`;
    const ds = run(text);
    expect(kind(ds, 'copied_passage')).toEqual([]);
    const bp = kind(ds, 'boilerplate');
    expect(bp).toHaveLength(1);
    expect(bp[0].places ?? [bp[0].a, bp[0].b]).toHaveLength(2);
    expect(bp[0].a.text).toContain(f);
    checkSpans(text, ds);
  });
});

describe('buildBoilerplate', () => {
  const shared = '围绕中心服务大局守正创新高效履职圆满完成各项任务目标';
  const docs = [`甲市人大常委会${shared}，成绩显著。`, `乙县人大常委会${shared}。`, `丙区常委会${shared}，继续努力。`, '丁镇的报告与众不同，没有共同的段落内容。'];
  it('keeps passages of ≥ 20 characters standing in most documents', () => {
    const model = buildBoilerplate(docs);
    expect(model.passages.some((p) => p.includes(shared))).toBe(true);
    const text = `第一段说：${shared}，甲。\n\n第二段又说：${shared}，乙。`;
    expect(kind(run(text), 'copied_passage')).toHaveLength(1);
    const ds = run(text, model);
    expect(kind(ds, 'copied_passage')).toEqual([]);
    expect(kind(ds, 'boilerplate')[0].a.text).toContain(shared);
  });
  it('gives no corpus boilerplate for fewer than 3 documents', () => {
    expect(buildBoilerplate(docs.slice(0, 2)).passages).toEqual([]);
  });
});

describe('astral characters', () => {
  it('gives code point offsets after CJK Extension B characters and emoji', () => {
    const a = `𠀀😀前言：全年开展学习、${S}`;
    const b = `向市委专题报告𠀁${S}`;
    const text = `${a}\n\n${b}\n\n这是审计审计𠀂工作。`;
    const ds = run(text);
    checkSpans(text, ds);
    const cp = kind(ds, 'copied_passage')[0];
    expect(cp.a.start).toBe(cps('𠀀😀前言：全年开展学习、'));
    expect(cp.a.text).toBe(S);
    const rw = kind(ds, 'repeated_word')[0];
    const at = cps(a) + 2 + cps(b) + 2 + 2;
    expect(rw.a).toEqual({ start: at, end: at + 2, text: '审计' });
    expect(rw.b).toEqual({ start: at + 2, end: at + 4, text: '审计' });
  });

  it('finds a passage that contains astral characters', () => {
    const p = '𠀀𠀁𠀂是扩展B区的汉字，😀是表情，这一句话足够长可以算作复制的段落内容。';
    const x = '第一段的开头说了些完全不同的话，';
    const y = '第二段的开头另有一番内容和道理，这里也要足够长才不算相似段落。';
    const text = `${x}${p}\n\n${y}${p}`;
    const cp = kind(run(text), 'copied_passage');
    expect(cp).toHaveLength(1);
    expect(cp[0].a).toEqual({ start: cps(x), end: cps(x) + cps(p), text: p });
    const b = cps(x) + cps(p) + 2 + cps(y);
    expect(cp[0].b).toEqual({ start: b, end: b + cps(p), text: p });
  });
});
