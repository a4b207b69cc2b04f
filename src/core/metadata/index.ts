/**
 * Report metadata from the header lines of a work report: region, level, body, the year of the
 * work reported, the meeting and its date, the reporter. General rules over the usual header
 * layout (title, dateline "——2024年3月27日在X市第十五届人民代表大会第四次会议上", reporter line,
 * salutation "各位代表："), in Simplified or Traditional characters. Pure.
 */

/** 国: the national level (国务院, 全国人民代表大会); 省 includes the municipalities and the special administrative regions. */
export type ReportLevel = '国' | '省' | '市' | '区' | '县';

export interface ReportMetadata {
  /** the title line, as written */
  title: string | null;
  /** administrative region as written: 长治市, 绛县, 长治市潞州区 */
  region: string | null;
  level: ReportLevel | null;
  /** the reporting body: 人大常委会, 政府, 法院, 检察院 */
  body: string | null;
  /** year of the work reported (过去一年), e.g. "2023" for a report given in early 2024 */
  year: string | null;
  /** year of the meeting at which the report was given */
  meeting_year: string | null;
  /** 第十五届人民代表大会第四次会议, as written */
  meeting: string | null;
  reporter: string | null;
  reporter_title: string | null;
  /** ISO date of the meeting (YYYY-MM-DD, or YYYY-MM when the day is not given) */
  date: string | null;
}

export const METADATA_KEYS: readonly (keyof ReportMetadata)[] = ['title', 'region', 'level', 'body', 'year', 'meeting_year', 'meeting', 'reporter', 'reporter_title', 'date'];

/** Traditional → Simplified for the characters the rules look at; 1:1 so offsets are kept. */
const T2S: Record<string, string> = {
  會: '会', 屆: '届', 議: '议', 區: '区', 縣: '县', 報: '报', 務: '务', 員: '员', 長: '长', 過: '过', 來: '来',
  託: '托', 書: '书', 記: '记', 檢: '检', 國: '国', 兩: '两', 綜: '综', 顧: '顾', 況: '况', 總: '总', 結: '结',
  劃: '划', 蓋: '盖', 團: '团', 體: '体', 專: '专', 項: '项', 開: '开', 關: '关', 東: '东', 廣: '广',
  陽: '阳', 鄉: '乡', 鎮: '镇', 濟: '济', 際: '际', 雲: '云', 蘇: '苏', 遼: '辽', 寧: '宁', 龍: '龙', 烏: '乌',
  齊: '齐', 貴: '贵', 灣: '湾', 門: '门', 澤: '泽', 萊: '莱', 瀋: '沈', 漢: '汉', 晉: '晋', 衛: '卫',
  別: '别', 臺: '台', 財: '财', 預: '预', 華: '华', 針: '针', 樞: '枢', 間: '间', 時: '时', 編: '编', 輯: '辑', 點: '点',
  擊: '击', 擴: '扩', 載: '载', 號: '号', 發: '发', 佈: '布', 聞: '闻', 眾: '众', 創: '创', 處: '处', 慶: '庆',
};

/** What fold maps each UTF-16 unit to (0: kept): T2S, full-width digits, the ideographic space. */
const FOLD_UNIT = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(T2S)) FOLD_UNIT[from.charCodeAt(0)] = to.charCodeAt(0);
for (let c = 0xff10; c <= 0xff19; c++) FOLD_UNIT[c] = c - 0xff10 + 0x30;
FOLD_UNIT[0x3000] = 0x20;

function fold(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && FOLD_UNIT[s.charCodeAt(i)] === 0) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const f = FOLD_UNIT[s.charCodeAt(i)];
    out += f === 0 ? s[i] : String.fromCharCode(f);
  }
  return out;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 2024 | 二〇二四 → 2024; 3 | 三 | 十二 | 二十七 → number; null if unreadable. */
export function readSmallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in CN_DIGIT) && s.length >= 2) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] ? CN_DIGIT[m[1]] : null;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[3] ? CN_DIGIT[m[3]] : 0);
}

const NUM = '[0-9〇零一二两三四五六七八九十百]';
const SUFFIX = '特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|旗|区';
const BODY = '人民代表大会常务委员会|人大常委会|人民代表大会|人民政府|政府|人民法院|人民检察院';
const MEETING = `第${NUM}+届(?:全国)?人民代表大会(?:常务委员会)?第${NUM}+次(?:全体)?会议`;
const DATELINE = new RegExp(`(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日)?\\s*(?:在|于)(.*?)(${MEETING})`);
const REGION_AT_START = new RegExp(`^([\\u4e00-\\u9fff]{1,12}?(?:${SUFFIX}))(?:第${NUM}{1,4}届)?(${BODY})`);
const REGION_WHOLE = new RegExp(`^[\\u4e00-\\u9fff]{1,12}?(?:${SUFFIX})$`);
const SALUTATION = /^各位(?:代表|委员)[，,：:！!]?$/;
const TITLED_REPORTER = /^(.{0,30}?(?:副?主任|副?[省市县区州]长|副?主席|书记|副?院长|检察长|秘书长|副?司长|副?局长|行政长官|副?总理|负责人))\s*([\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,4})$/;
const BARE_NAME = /^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/;
/** words that are not a person's name: headings, and the chrome of a web page a report was copied from (下载 打印 来源 …日报) */
const NOT_A_NAME = /前言|目录|摘要|报告|会议|代表|工作|附件|说明|概述|引言|日报|晚报|新闻|下载|打印|收藏|全屏|来源|分享|字号|字体|时间|编辑|加大|还原|减小|正文|首页|返回|关闭|点击|扩展|阅读|评论|转载|发布/;
/** a header line that is only a date: 二零二三年二月二十二日星期三, 2024年3月5日 */
const DATE_ONLY = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:[（(]?星期[一二三四五六日天][)）]?)?$/;
/** a title: a government work report, a policy address, a budget, a policy programme */
const TITLE_LIKE = /(?:工作)?报告$|工作报告|施政报告|预算案|施政方针|预算演辞/;
/** the four municipalities directly under the central government are province-level */
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市$/;
/** the national government reports as 国务院 ("我代表国务院", "受国务院的委托") */
const NATIONAL_BODY = /(?:代表|受)国务院(?:的)?(?:委托)?[，,、]?(?:向|作|委托)/;

export function levelOf(region: string): ReportLevel | null {
  const f = fold(region);
  if (f === '全国') return '国';
  if (MUNICIPALITY.test(f)) return '省';
  const m = new RegExp(`(${SUFFIX})$`).exec(f);
  if (!m) return null;
  switch (m[1]) {
    case '省': case '自治区': case '特别行政区': return '省';
    case '市': case '州': case '自治州': case '盟': case '地区': return '市';
    case '区': return '区';
    case '县': case '自治县': case '旗': return '县';
  }
  return null;
}

function bodyOf(s: string): string | null {
  if (/人民代表大会常务委员会|人大常委会|常委会/.test(s)) return '人大常委会';
  if (/人民政府|政府/.test(s)) return '政府';
  if (/人民法院|法院/.test(s)) return '法院';
  if (/人民检察院|检察院/.test(s)) return '检察院';
  return null;
}

class Line {
  private f: string | null = null;
  constructor(readonly raw: string) {}
  /** the line with Traditional characters, full-width digits and ideographic spaces folded (computed on first use) */
  get folded(): string {
    return (this.f ??= fold(this.raw));
  }
}

function lines(text: string, max: number): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i <= text.length && out.length < max) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const raw = text.slice(i, j).trim();
    if (raw) out.push(new Line(raw));
    i = j + 1;
  }
  return out;
}

/** Strips dashes, brackets and spaces around a dateline or title. */
function unwrap(s: string): string {
  return s.replace(/^[\s—\-－–(（[【]+|[\s)）\]】]+$/g, '');
}

/** Whitespace between CJK characters goes (a letter-spaced title 政 府 工 作 报 告); other runs become one space. */
function tidyTitle(s: string): string {
  return s.replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1').replace(/\s+/g, ' ');
}

/** The dateline regex over one header line, or over it and the next when a line break cuts it (PDF, narrow columns). */
function matchDateline(header: Line[], i: number): { m: RegExpExecArray; line: Line } | null {
  const one = DATELINE.exec(header[i].folded);
  if (one) return { m: one, line: header[i] };
  if (i + 1 >= header.length || !/年/.test(header[i].folded) || !/[在于]/.test(header[i].folded)) return null;
  const joined = new Line(header[i].raw + header[i + 1].raw);
  const two = DATELINE.exec(joined.folded);
  return two ? { m: two, line: joined } : null;
}

const TRAD_CHARS = new Set(Object.keys(T2S));
const SIMP_CHARS = new Set(Object.values(T2S));

/** Whether more of the characters the rules know are written in Traditional than in Simplified form. */
function isTraditional(s: string): boolean {
  let t = 0;
  let sc = 0;
  for (const c of s) {
    if (TRAD_CHARS.has(c)) t++;
    else if (SIMP_CHARS.has(c)) sc++;
  }
  return t > sc;
}

/** How often each form occurs in the first part of the text. */
function mentions(text: string, re: RegExp): number {
  return (text.slice(0, 20_000).match(re) ?? []).length;
}

export function detectMetadata(text: string): ReportMetadata {
  const md: ReportMetadata = { title: null, region: null, level: null, body: null, year: null, meeting_year: null, meeting: null, reporter: null, reporter_title: null, date: null };
  const all = lines(text, 400);
  // header: the lines before the salutation (or the first long prose line); a page copied from the
  // web puts its chrome (下载 打印 字号 来源) first, so a salutation is looked for up to line 25
  const salutation = all.findIndex((l, i) => i < 25 && SALUTATION.test(l.folded));
  let headerEnd = salutation >= 0 ? salutation : all.findIndex((l) => [...l.raw].length > 60);
  if (headerEnd < 0 || headerEnd > (salutation >= 0 ? 24 : 12)) headerEnd = Math.min(12, all.length);
  const header = all.slice(0, headerEnd);

  // dateline
  let datelineIdx = -1;
  let placeRegion: string | null = null;
  for (let i = 0; i < header.length; i++) {
    const hit = matchDateline(header, i);
    if (!hit) continue;
    const { m, line } = hit;
    datelineIdx = i;
    const y = readSmallNumber(m[1]);
    const mo = readSmallNumber(m[2]);
    const d = m[3] ? readSmallNumber(m[3]) : null;
    if (y && mo && mo >= 1 && mo <= 12) {
      md.meeting_year = String(y);
      md.date = `${y}-${String(mo).padStart(2, '0')}` + (d && d >= 1 && d <= 31 ? `-${String(d).padStart(2, '0')}` : '');
    }
    // same indices in raw and folded (1:1 folding of BMP characters)
    const at = (s: number, len: number): string => sliceByFolded(line.raw, line.folded, s, len);
    const meetingAt = m.index + m[0].length - m[5].length;
    md.meeting = at(meetingAt, m[5].length);
    const place = m[4].trim();
    if (REGION_WHOLE.test(place)) placeRegion = at(m.index + m[0].length - m[5].length - m[4].length + (m[4].length - m[4].trimStart().length), place.length);
    else if (place === '' && /^第.+届全国人民代表大会/.test(m[5])) placeRegion = '全国';
    break;
  }
  // a date standing alone in the header (a budget speech: 二零二三年二月二十二日星期三)
  if (datelineIdx < 0) {
    for (const l of header) {
      const m = DATE_ONLY.exec(l.folded.trim());
      if (!m) continue;
      const y = readSmallNumber(m[1]);
      const mo = readSmallNumber(m[2]);
      const d = readSmallNumber(m[3]);
      if (y && y >= 1949 && y <= 2100 && mo && mo >= 1 && mo <= 12 && d && d >= 1 && d <= 31) {
        md.meeting_year = String(y);
        md.date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      }
      break;
    }
  }

  // title: the first header line that reads as a report's title (…报告, 施政報告, 預算案); else the
  // first naming a body. A reporter's line (海拉尔区人民政府区长 张三) is never the title.
  const isReporterLine = (f: string): boolean => {
    const t = TITLED_REPORTER.exec(f);
    return t !== null && !NOT_A_NAME.test(t[2]);
  };
  let titleIdx = -1;
  for (const strict of [true, false]) {
    for (let i = 0; i < header.length && titleIdx < 0; i++) {
      if (i === datelineIdx) continue;
      const f = unwrap(header[i].folded);
      const compact = f.replace(/\s+/g, '');
      if ([...compact].length > 40 || isReporterLine(f)) continue;
      if (strict ? TITLE_LIKE.test(compact) : /人民代表大会|人大常委会|人民政府|政府工作/.test(compact)) titleIdx = i;
    }
    if (titleIdx >= 0) break;
  }
  if (titleIdx >= 0) {
    const raw = unwrap(header[titleIdx].raw);
    const f = unwrap(header[titleIdx].folded);
    const compact = f.replace(/\s+/g, '');
    // a fiscal year on the line before (二零二三至二四財政年度 / 政府財政預算案) belongs to the title
    const prev = titleIdx > 0 && titleIdx - 1 !== datelineIdx ? unwrap(header[titleIdx - 1].raw) : '';
    md.title = tidyTitle(/(?:财政)?年度$/.test(fold(prev).replace(/\s+/g, '')) && [...prev].length <= 16 ? prev + raw : raw);
    const withoutYear = compact.replace(/^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:度)?/, '');
    const m = REGION_AT_START.exec(withoutYear);
    if (m) {
      const rawCompact = raw.replace(/\s+/g, '');
      md.region = sliceByFolded(rawCompact.slice(rawCompact.length - withoutYear.length), withoutYear, 0, m[1].length);
    }
    md.body = bodyOf(compact.replace(/人民代表大会(?!常务委员会)/g, '')) ?? null;
  }
  if (!md.region && placeRegion) md.region = placeRegion;

  // body from "受…委托" / "我代表…"
  if (!md.body || !md.region) {
    for (const l of all.slice(0, 30)) {
      if (NATIONAL_BODY.test(l.folded)) {
        md.body ??= '政府';
        md.region ??= '全国';
        break;
      }
      const m = /受([^，。,]{0,24}?)(人民代表大会常务委员会|人大常委会|常委会|人民政府|政府|人民法院|人民检察院)(?:的)?委托/.exec(l.folded);
      if (m) {
        md.body ??= bodyOf(m[2]);
        break;
      }
    }
  }

  // fallback: a line starting with region + body anywhere in the text (a heading like 吕梁市人大常委会2023年工作综述)
  if (!md.region || !md.body) {
    const votes = new Map<string, { n: number; body: string | null }>();
    for (const l of all) {
      if (l.raw.length > 48 || /^图为/.test(l.raw)) continue;
      const m = REGION_AT_START.exec(l.folded);
      if (!m) continue;
      const region = sliceByFolded(l.raw, l.folded, 0, m[1].length);
      const v = votes.get(region) ?? { n: 0, body: bodyOf(m[2] === '人民代表大会' ? '' : m[2]) };
      v.n++;
      votes.set(region, v);
    }
    const best = [...votes.entries()].sort((a, b) => b[1].n - a[1].n)[0];
    if (best) {
      md.region ??= best[0];
      md.body ??= best[1].body;
    }
  }

  // Hong Kong, Macau: a policy address or budget by the Chief Executive or the Financial Secretary
  const headerText = header.map((l) => l.folded).join('\n');
  if (!md.region && /施政报告|预算案|预算演辞|行政长官|财政司司长|特别行政区/.test(headerText)) {
    const hk = mentions(text, /香港/g);
    const mo = mentions(text, /澳[門门]/g);
    // one name per region whatever the report calls itself (香港, 特區, 香港特別行政區), in the report's script
    const traditional = isTraditional(text.slice(0, 20_000));
    if (hk >= 3 && hk >= 3 * mo) md.region = traditional ? '香港特別行政區' : '香港特别行政区';
    else if (mo >= 3 && mo >= 3 * hk) md.region = traditional ? '澳門特別行政區' : '澳门特别行政区';
    if (md.region) md.body ??= '政府';
  }
  if (md.region) md.level = levelOf(md.region);

  // reporter: a header line after the title and the dateline, before the salutation; one with a
  // title (主任, 省长, 司長) wins over a bare name, which must stand alone on its line
  if (salutation >= 0) {
    const from = Math.max(titleIdx, datelineIdx) + 1;
    const skip = (i: number): boolean => i === datelineIdx || i === titleIdx;
    for (let i = from; i < header.length && !md.reporter; i++) {
      if (skip(i)) continue;
      const f = header[i].folded;
      const t = TITLED_REPORTER.exec(f);
      if (t && !NOT_A_NAME.test(t[2])) {
        md.reporter_title = sliceByFolded(header[i].raw, f, 0, t[1].length).trim();
        md.reporter = sliceByFolded(header[i].raw, f, f.length - t[2].length, t[2].length).replace(/\s+/g, '');
      }
    }
    for (let i = from; i < header.length && !md.reporter; i++) {
      if (skip(i)) continue;
      const f = header[i].folded;
      if (BARE_NAME.test(f) && !NOT_A_NAME.test(f)) md.reporter = header[i].raw.replace(/\s+/g, '');
    }
  } else {
    // no salutation (a budget speech): a titled reporter line right after the title
    for (let i = titleIdx + 1; titleIdx >= 0 && i < Math.min(header.length, titleIdx + 4) && !md.reporter; i++) {
      if (i === datelineIdx) continue;
      const f = header[i].folded;
      const t = TITLED_REPORTER.exec(f);
      if (t && !NOT_A_NAME.test(t[2])) {
        md.reporter_title = sliceByFolded(header[i].raw, f, 0, t[1].length).trim();
        md.reporter = sliceByFolded(header[i].raw, f, f.length - t[2].length, t[2].length).replace(/\s+/g, '');
      }
    }
  }

  md.year = reportedYear(all, md);
  // a Hong Kong policy address is given in the second half of its year and is titled by it
  // (行政長官2025年施政報告); a Macau one is titled by the fiscal year it plans, so only that is read
  if (!md.year && md.title) {
    const t = fold(md.title).replace(/\s+/g, '');
    const hkPa = /行政长官((?:19|20)\d{2})年施政报告/.exec(t);
    if (hkPa) {
      md.year = hkPa[1];
      md.meeting_year ??= hkPa[1];
    }
  }
  return md;
}

/** The same span of the raw line as [s, s+len) of its folded copy (folding keeps UTF-16 lengths). */
function sliceByFolded(raw: string, folded: string, s: number, len: number): string {
  return raw.length === folded.length ? raw.slice(s, s + len) : folded.slice(s, s + len);
}

const YEAR_HEADING = /^(?:[一二三四五六七八九十]+、)?.{0,16}?((?:19|20)\d{2})年(?:度)?(?:的)?(?:主要)?工作(?:回顾|综述|情况|总结)?$/;
const PAST_YEAR_HEADING = /^(?:[一二三四五六七八九十]+、)?(?:过去一年|一年来|上一年)(?:的)?(?:主要)?工作(?:回顾|总结)?$/;
const LEADING_YEAR = /^((?:19|20)\d{2})年[，,是的]/;

function reportedYear(all: Line[], md: ReportMetadata): string | null {
  for (let i = 0; i < Math.min(all.length, 200); i++) {
    if (all[i].raw.length > 40) continue;
    const f = all[i].folded.replace(/\s+/g, '');
    if ([...f].length > 30) continue;
    const y = YEAR_HEADING.exec(f);
    if (y && !/计划|安排|任务|打算|展望/.test(f)) return y[1];
    if (PAST_YEAR_HEADING.test(f)) {
      const next = all[i + 1]?.folded ?? '';
      const m = LEADING_YEAR.exec(next);
      if (m) return m[1];
      if (md.meeting_year) return String(Number(md.meeting_year) - 1);
    }
  }
  if (md.date) {
    const [y, m] = md.date.split('-').map(Number);
    // sessions in the first half of the year report on the previous year
    return String(m <= 6 ? y - 1 : y);
  }
  return null;
}

/** Metadata as DocumentMeta.metadata stores it (string values). */
export function metadataRecord(md: ReportMetadata): Record<string, string | null> {
  return Object.fromEntries(METADATA_KEYS.map((k) => [k, md[k]]));
}

/** Detected metadata, overridden by what the analyst stored (a stored key wins, even when null). */
export function effectiveMetadata(text: string, stored: Record<string, string | null> | undefined): ReportMetadata {
  const md = detectMetadata(text);
  if (stored) for (const k of METADATA_KEYS) if (k in stored) (md as unknown as Record<string, string | null>)[k] = stored[k] ?? null;
  return md;
}
