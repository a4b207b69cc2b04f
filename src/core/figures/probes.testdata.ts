/**
 * Hand-checked probes of real-world text (ANNOTATION-GUIDE §1, "Text as analysts really receive
 * it"): Hong Kong, Macau and Taiwan conventions in Traditional Chinese, and text layers of PDFs
 * (letter spacing, autospace between CJK and digits, line breaks inside a paragraph). Written
 * after reading what pdftotext gives for the Hong Kong policy addresses and budget speech in
 * ../shared/real-files; the sentences are our own. Each lists every figure expected (names and
 * figures that must not be reported are in `absent`).
 *
 * Used by probes.test.ts (exact expectations), metamorphic.test.ts (whitespace properties) and
 * scripts/figure-probes.mjs (accuracy).
 */

/** [text, kind, value, unit, approx, value_to?] — value null: a date (or uncertain figure) without a value. */
export type Expected = [string, string, number | null, string | null, string | null, number?];

export interface Probe {
  region: 'HK' | 'MO' | 'TW' | 'PDF';
  text: string;
  figures: Expected[];
  /** surfaces that must not be reported as quantities or dates */
  absent?: string[];
}

export const PROBES: Probe[] = [
  // ---------------------------------------------------------------- Hong Kong
  {
    region: 'HK',
    text: '政府會在未來五年興建超過3 300個資助出售單位，當中1 600個位於北部都會區，涉及約15 000 個就業職位。',
    figures: [
      ['五年', 'duration', 5, '年', null],
      ['超過3 300個', 'count', 3300, '個', 'more'],
      ['1 600個', 'count', 1600, '個', null],
      ['約15 000 個', 'count', 15000, '個', 'about'],
    ],
  },
  {
    region: 'HK',
    text: '去年本港共錄得38 萬宗入境申請，較前年增加百分之二十點六。',
    figures: [
      ['38 萬宗', 'count', 380000, '宗', null],
      ['百分之二十點六', 'percent', 20.6, '%', null],
    ],
  },
  {
    region: 'HK',
    text: '二零二三／二四年度的政府總開支預計為七 千二百七十九億元，較二零二二／二三年度修訂預算減少百分之三點四。',
    figures: [
      ['二零二三／二四年度', 'range', 2023, '年度', null, 2024],
      ['七 千二百七十九億元', 'money', 727900000000, '元', null],
      ['二零二二／二三年度', 'range', 2022, '年度', null, 2023],
      ['百分之三點四', 'percent', 3.4, '%', null],
    ],
  },
  {
    region: 'HK',
    text: '2017-18年度至2018–19年度期間，本署共處理254 000宗個案，平均每宗需時不少於 2 400 小時。',
    figures: [
      ['2017-18年度', 'range', 2017, '年度', null, 2018],
      ['2018–19年度', 'range', 2018, '年度', null, 2019],
      ['254 000宗', 'count', 254000, '宗', null],
      ['不少於 2 400 小時', 'duration', 2400, '小時', 'more'],
    ],
  },
  {
    region: 'HK',
    text: '受惠學生約有45萬名，其中約三分之一就讀中學，資助額最多可達2萬元。',
    figures: [
      ['約有45萬名', 'count', 450000, '名', 'about'],
      ['約三分之一', 'percent', 1 / 3, null, 'about'],
      ['2萬元', 'money', 20000, '元', null],
    ],
  },
  {
    region: 'HK',
    text: '交投量大幅縮減近四成至約四萬五千宗，樓價全年下跌百分之十五點六。',
    figures: [
      ['近四成', 'percent', 4, '成', 'less'],
      ['約四萬五千宗', 'count', 45000, '宗', 'about'],
      ['百分之十五點六', 'percent', 15.6, '%', null],
    ],
  },
  {
    region: 'HK',
    text: '30.\n政府已預留六 千三百零五億元推展北部都會區，首階段包括一期工程及二期項目，並會在每一個新發展區設立另一個社區中心。',
    figures: [['六 千三百零五億元', 'money', 630500000000, '元', null]],
    absent: ['30', '一期', '二期', '一個', '另一個'],
  },
  {
    region: 'HK',
    text: '在二零二三年十月二十五日發表的施政報告中，我們承諾在二零二四年年底前完成檢討，並在3年內推出至少5項新措施。',
    figures: [
      ['二零二三年十月二十五日', 'date', null, null, null],
      ['二零二四年年底', 'date', 2024, '年', null],
      ['3年內', 'duration', 3, '年', 'less'],
      ['至少5項', 'count', 5, '項', 'more'],
    ],
  },
  {
    region: 'HK',
    text: '（一）\n圖 5 顯示，私人住宅落成量在2022/23學年後回升，按年增加2倍。',
    figures: [
      ['2022/23學年', 'range', 2022, '學年', null, 2023],
      ['2倍', 'count', 2, '倍', null],
    ],
    absent: ['一', '5'],
  },
  {
    region: 'HK',
    text: '我們會撥款五十億元人民幣，並向約二百九十萬個住宅用戶發放一千元電費補貼，為期六個月。',
    figures: [
      ['五十億元人民幣', 'money', 5000000000, '元人民幣', null],
      ['約二百九十萬個', 'count', 2900000, '個', 'about'],
      ['一千元', 'money', 1000, '元', null],
      ['六個月', 'duration', 6, '個月', null],
    ],
  },
  {
    region: 'HK',
    text: '二零二二／二三年度政府收入的修訂預算為六千\n零 三十八億元，約七成半來自一千公頃土地及製造零件的企業。',
    figures: [
      ['二零二二／二三年度', 'range', 2022, '年度', null, 2023],
      ['六千\n零 三十八億元', 'money', 603800000000, '元', null],
      ['約七成半', 'percent', 7.5, '成', 'about'],
      ['一千公頃', 'count', 1000, '公頃', null],
    ],
    absent: ['零件'],
  },
  {
    region: 'PDF',
    text: '174 - 181\n\n二零二二／二三年度修訂預算\n\n51\n\n二零二三年經濟前瞻與中期展望',
    figures: [
      ['二零二二／二三年度', 'range', 2022, '年度', null, 2023],
      ['二零二三年', 'date', 2023, '年', null],
    ],
    absent: ['51', '174 - 181'],
  },
  {
    region: 'PDF',
    text: '我 們 持 續 不 斷 覓 地 的 努 力 亦 已 見 成 效 。 在 未 來 十 年 （ 即 2022-23 至\n2031- 32 年 度 ） ， 我 們 已 覓 得 約 350 公 頃 土 地 ， 可 興 建 約 330 000 個 公\n營 房 屋 單 位 。',
    figures: [
      ['十 年', 'duration', 10, '年', null],
      ['2022-23 至\n2031- 32 年 度', 'range', 2022, '年度', null, 2032],
      ['約 350 公 頃', 'count', 350, '公頃', 'about'],
      ['約 330 000 個', 'count', 330000, '個', 'about'],
    ],
  },
  {
    region: 'PDF',
    text: '應課稅入息實額\n\n181 000\n\n850 元\n\n391 000\n\n3,380 元',
    figures: [
      ['850 元', 'money', 850, '元', null],
      ['3,380 元', 'money', 3380, '元', null],
    ],
  },
  // numbered paragraphs (HK and Macau number their paragraphs `218. `): the number and the space
  // after it are not part of the figure that follows, letter-spaced or not (2 1 8 .   2 0 0 0 年)
  {
    region: 'HK',
    text: '208. 2026-27年度起的五年內，興建公營房屋。\n\n218. 2000年起，規劃署已進行五輪研究。\n\n279. 18區關愛隊將開展服務。',
    figures: [
      ['2026-27年度', 'range', 2026, '年度', null, 2027],
      ['五年內', 'duration', 5, '年', 'less'],
      ['2000年', 'date', 2000, '年', null],
      ['五輪', 'count', 5, '輪', null],
      ['18區', 'count', 18, '區', null],
    ],
    absent: ['208. 2026', '218. 2000年', '27年', '279. 18區'],
  },
  {
    // a bare rate after a paragraph's number: 5. 6% may be paragraph 5 and 6%, or 5.6% with a
    // space — uncertain (value null); written without the space it is 5.6%
    region: 'HK',
    text: '5. 6%的住戶受惠，另有5.6%的住戶輪候。',
    figures: [
      ['5. 6%', 'percent', null, '%', null],
      ['5.6%', 'percent', 5.6, '%', null],
    ],
  },
  {
    region: 'HK',
    text: '5.6%的住戶受惠。',
    figures: [['5.6%', 'percent', 5.6, '%', null]],
  },
  {
    // ranges of rates written with 百分之 (the budget speech's 介乎百分之三點五至五點五), and the trap
    // of a rate followed by the level reached (上升百分之六至七千六百一十億元 is no range)
    region: 'HK',
    text: '實質增長介乎百分之三點五至五點五，經常開支每年增長百分之三點三至百分之五不等，相關比率仍低於百分之十。政府收入上升百分之六至七千六百一十億元。',
    figures: [
      ['百分之三點五至五點五', 'range', 3.5, '%', null, 5.5],
      ['百分之三點三至百分之五', 'range', 3.3, '%', null, 5],
      ['低於百分之十', 'percent', 10, '%', 'less'],
      ['百分之六', 'percent', 6, '%', null],
      ['七千六百一十億元', 'money', 761000000000, '元', null],
    ],
  },
  {
    // an amount, a rate or a number of things per period is a figure; a frequency or a recurring day is not
    region: 'HK',
    text: '政府會預留每年5億元，每人每月可獲3,000元津貼，每年約8 000個單位回收，每年增長百分之三。委員會每周一次開會，每月1日公布數據。',
    figures: [
      ['5億元', 'money', 500000000, '元', null],
      ['3,000元', 'money', 3000, '元', null],
      ['約8 000個', 'count', 8000, '個', 'about'],
      ['百分之三', 'percent', 3, '%', null],
    ],
    absent: ['一次', '1日'],
  },
  {
    // 十 alone is ten (十年); 幾十年, 數百人 are indefinite: no value, never 10 or 100
    region: 'HK',
    text: '未來十年將準備好土地，較現時增加一倍多；經過過去幾十年的發展，數百人受惠，參與人數十萬人次。',
    figures: [
      ['十年', 'duration', 10, '年', null],
      ['一倍多', 'count', 1, '倍', 'more'],
      ['幾十年', 'duration', null, '年', null],
      ['數百人', 'count', null, '人', null],
      ['十萬人次', 'count', 100000, '人次', null],
    ],
  },
  {
    // a fiscal year abbreviated before 年 is a range, never a length of 27 years; 一兩個月, 兩三年 are
    // approximate (no value, never 12 or 23)
    region: 'HK',
    text: '與2026-27年落成的藝術廣場相連，預計到二零二七／二八年中期；用一兩個月時間，兩三年內完成。',
    figures: [
      ['2026-27年', 'range', 2026, '年', null, 2027],
      ['二零二七／二八年', 'range', 2027, '年', null, 2028],
      ['一兩個月', 'duration', null, '個月', null],
      ['兩三年內', 'duration', null, '年', 'less'],
    ],
    absent: ['27年', '二八年'],
  },
  {
    // bounds: 少於, 低於, 不超過 (not 超過 inside it) are less; 起碼 is more; 約達 is about
    region: 'HK',
    text: '受惠住戶少於5,000戶，失業率低於2%，每宗資助不超過5萬元，起碼20名導師，約達1,200人。',
    figures: [
      ['少於5,000戶', 'count', 5000, '戶', 'less'],
      ['低於2%', 'percent', 2, '%', 'less'],
      ['不超過5萬元', 'money', 50000, '元', 'less'],
      ['起碼20名', 'count', 20, '名', 'more'],
      ['約達1,200人', 'count', 1200, '人', 'about'],
    ],
  },
  // ---------------------------------------------------------------- Macau
  {
    // 八成六 is 8.6成, 七五折 is 7.5折 (the second digit is a tenth)
    region: 'MO',
    text: '全年入境旅客恢復至2019年的八成六，博彩毛收入為疫情前水平的七成七左右，部分商戶可獲七五折優惠，三成五年內完成。',
    figures: [
      ['2019年', 'date', 2019, '年', null],
      ['八成六', 'percent', 8.6, '成', null],
      ['七成七左右', 'percent', 7.7, '成', 'about'],
      ['七五折', 'percent', 7.5, '折', null],
      ['三成', 'percent', 3, '成', null],
      ['五年內', 'duration', 5, '年', 'less'],
    ],
  },
  {
    // fractions without 之 (四分一, 三分二), not 十分一致 (very); a range of rates written with 成
    region: 'MO',
    text: '研究範圍覆蓋約四分一家庭，當中三分二為長者，各方意見十分一致，租金下調兩成至三成。',
    figures: [
      ['約四分一', 'percent', 0.25, null, 'about'],
      ['三分二', 'percent', 2 / 3, null, null],
      ['兩成至三成', 'range', 2, '成', null, 3],
    ],
    absent: ['十分一'],
  },
  {
    region: 'MO',
    text: '2022年本澳居民總數為68萬2,300人，其中23萬4,075人為在職人士，失業率為百分之三點五。',
    figures: [
      ['2022年', 'date', 2022, '年', null],
      ['68萬2,300人', 'count', 682300, '人', null],
      ['23萬4,075人', 'count', 234075, '人', null],
      ['百分之三點五', 'percent', 3.5, '%', null],
    ],
  },
  {
    region: 'MO',
    text: '特區政府2023年財政預算開支為3億5,000萬澳門元，較上年度增加一成，另向16萬6,511人發放現金分享。',
    figures: [
      ['2023年', 'date', 2023, '年', null],
      ['3億5,000萬澳門元', 'money', 350000000, '澳門元', null],
      ['一成', 'percent', 1, '成', null],
      ['16萬6,511人', 'count', 166511, '人', null],
    ],
  },
  {
    region: 'MO',
    text: '二零二一／二二年度共有1,234名學生獲發助學金，每名最多10,000澳門元；消費卡優惠以八折計算。',
    figures: [
      ['二零二一／二二年度', 'range', 2021, '年度', null, 2022],
      ['1,234名', 'count', 1234, '名', null],
      ['10,000澳門元', 'money', 10000, '澳門元', null],
      ['八折', 'percent', 8, '折', null],
    ],
  },
  {
    // a currency written before an amount with no unit after it is its unit (MOP, 新臺幣, HK$)
    region: 'MO',
    text: '預算開支為MOP 1,180億，財政儲備約新臺幣300億，每人可獲HK$10,000。',
    figures: [
      ['MOP 1,180億', 'money', 118000000000, 'MOP', null],
      ['約新臺幣300億', 'money', 30000000000, '新臺幣', 'about'],
      ['HK$10,000', 'money', 10000, 'HK$', null],
    ],
  },
  // ---------------------------------------------------------------- Taiwan
  {
    region: 'TW',
    text: '中華民國112年度總預算歲出為2兆7,190億元，較111年度增加5.2%。',
    figures: [
      ['中華民國112年度', 'date', null, null, null],
      ['2兆7,190億元', 'money', 2719000000000, '元', null],
      ['111年度', 'date', null, null, null],
      ['5.2%', 'percent', 5.2, '%', null],
    ],
  },
  {
    region: 'TW',
    text: '民國108年3月1日起，全國共設置1,200處據點，服務人數逾12萬人次，約為前一年的1.5倍。',
    figures: [
      ['民國108年3月1日', 'date', null, null, null],
      ['1,200處', 'count', 1200, '處', null],
      ['逾12萬人次', 'count', 120000, '人次', 'more'],
      ['1.5倍', 'count', 1.5, '倍', null],
    ],
    absent: ['一年'],
  },
  {
    region: 'TW',
    text: '本院於民國一百零八年通過該條例，110年7月起施行，至今已有三分之二縣市完成配套。',
    figures: [
      ['民國一百零八年', 'date', null, null, null],
      ['110年7月', 'date', null, null, null],
      ['三分之二', 'percent', 2 / 3, null, null],
    ],
  },
  {
    // Minguo years without 民國: a part of the year after a three-digit year (112年全年, 113年底,
    // 113年1-6月), a span of them (112至113年度), ○ written for zero (一○七年度) — never a length of
    // 112 years, years 112 to 113, or 七年
    region: 'TW',
    text: '行政院112年度施政計畫指出，112年全年經濟成長率為1.31%，預計113年底完成，113年1-6月出口增加11.4%，112至113年度共投入新臺幣300億，一○七年度起實施。',
    figures: [
      ['112年度', 'date', null, null, null],
      ['112年', 'date', null, null, null],
      ['1.31%', 'percent', 1.31, '%', null],
      ['113年底', 'date', null, null, null],
      ['113年', 'date', null, null, null],
      ['1-6月', 'range', 1, '月', null, 6],
      ['11.4%', 'percent', 11.4, '%', null],
      ['112至113年度', 'range', null, null, null, undefined],
      ['新臺幣300億', 'money', 30000000000, '新臺幣', null],
      ['一○七年度', 'date', null, null, null],
    ],
    absent: ['七年'],
  },
  // ---------------------------------------------------------------- PDF text layers
  {
    region: 'PDF',
    text: '一年来，召开常委会会议 8 次，审议法规草案 2365 件，2023 年 10 月完成全部审查。',
    figures: [
      ['8 次', 'count', 8, '次', null],
      ['2365 件', 'count', 2365, '件', null],
      ['2023 年 10 月', 'date', null, null, null],
    ],
  },
  {
    region: 'PDF',
    text: '全年完成固定资产投资总额428 亿\n元，同比增长 12.5%，其中民间投资占三成以上。',
    figures: [
      ['428 亿\n元', 'money', 42800000000, '元', null],
      ['12.5%', 'percent', 12.5, '%', null],
      ['三成以上', 'percent', 3, '成', 'more'],
    ],
  },
  {
    region: 'PDF',
    text: '该 厂 始 建 于 1 9 8 6 年 ， 现 有 职 工 3 4 0 0 余 人 ， 年 产 值 1 2 . 5 亿 元 。',
    figures: [
      ['1 9 8 6 年', 'date', 1986, '年', null],
      ['3 4 0 0 余 人', 'count', 3400, '人', 'more'],
      ['1 2 . 5 亿 元', 'money', 1250000000, '元', null],
    ],
  },
  {
    region: 'PDF',
    text: '去年全港整體貨物出口實質顯著下跌百 分\n之十三點九，私人消費開支全年下跌百分之\n一點七。',
    figures: [
      ['百 分\n之十三點九', 'percent', 13.9, '%', null],
      ['百分之\n一點七', 'percent', 1.7, '%', null],
    ],
  },
  {
    region: 'PDF',
    text: '為減輕中小企的融資壓力，政府將為約\n二 十 七 億 元的貸款提供擔保，惠及超過\n六百萬名合資格市民，預計於二 零 二 四 年完成。',
    figures: [
      ['約\n二 十 七 億 元', 'money', 2700000000, '元', 'about'],
      ['超過\n六百萬名', 'count', 6000000, '名', 'more'],
      ['二 零 二 四 年', 'date', 2024, '年', null],
    ],
  },
  {
    region: 'PDF',
    text: '表内数字 1 2345 件为扫描所得，另有 3, 800 元及 12\u2009000 元补助。',
    figures: [
      ['1 2345 件', 'count', null, '件', null],
      ['3, 800 元', 'money', 3800, '元', null],
      ['12\u2009000 元', 'money', 12000, '元', null],
    ],
  },
  {
    region: 'PDF',
    text: '全市新建5G基站1 2\n00个，其中农村地区占 1/10。',
    figures: [
      ['1 2\n00个', 'count', null, '个', null],
      ['1/10', 'percent', 0.1, null, null],
    ],
  },
  {
    region: 'TW',
    text: '臺鐵計畫總經費約新臺幣186億元，基本工資月薪調整為新臺幣2萬7,470元。',
    figures: [
      ['約新臺幣186億元', 'money', 18600000000, '元', 'about'],
      ['2萬7,470元', 'money', 27470, '元', null],
    ],
  },
];
