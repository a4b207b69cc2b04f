// Malformed report files for fuzz/run.mjs. Every generator takes a seeded random source and
// returns { kind, ext, bytes }. `specials()` are the few expensive inputs made once per run
// (a 20 MB single line, zip bombs, encrypted PDFs…); `randomInput()` draws from the cheap ones.
import { deflateRawSync, deflateSync, crc32 } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';

export function rng(seed) {
  let s = (seed >>> 0) || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (a) => a[Math.floor(next() * a.length)];
  next.bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
    return b;
  };
  return next;
}

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = readdirSync(join(ROOT, 'resources', 'samples')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(ROOT, 'resources', 'samples', f), 'utf8'));

/** A slice of a real report (a few paragraphs). */
function reportText(r, maxChars = 3000) {
  const t = r.pick(SAMPLES);
  const start = r.int(Math.max(1, t.length - maxChars));
  return t.slice(start, start + 50 + r.int(maxChars));
}

// ── zip (docx) built by hand, so sizes can lie ──────────────────────────────────────────────
/** entries: [{ name, data: Buffer, store?: boolean }]; opts.lie: declared uncompressed size */
export function makeZip(entries, opts = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const size = opts.lie ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length & 0xffff, 8);
  end.writeUInt16LE(entries.length & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const escXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export function documentXml(paragraphs) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escXml(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
}

export function docx(xml, extra = [], opts = {}) {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(opts.rels ?? RELS) },
    { name: 'word/document.xml', data: Buffer.isBuffer(xml) ? xml : Buffer.from(xml) },
    ...extra,
  ], opts);
}

function validDocx(r) {
  return docx(documentXml(reportText(r).split('\n').filter(Boolean)));
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────
export function pdf(lines, options = {}) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

const LATIN = ['GDP grew by 5.2% in 2024, reaching 3,400 million yuan.', 'Employment: 32,000 new urban jobs.', 'Grain output 1.2 billion jin.', 'Section 3. Fiscal revenue rose 7%.'];

// ── cheap random generators ────────────────────────────────────────────────────────────────
const TEXT_EXT = ['txt', 'md', 'html', 'htm', 'xhtml', 'text', 'markdown'];

function cut(b, r) {
  return b.subarray(0, Math.max(1, r.int(b.length + 1)));
}
function flip(b, r, n = 1 + r.int(20)) {
  const c = Buffer.from(b);
  for (let i = 0; i < n && c.length > 0; i++) c[r.int(c.length)] = r.int(256);
  return c;
}
function sprinkle(b, r, byte, n = 1 + r.int(10)) {
  const parts = [];
  let at = 0;
  const points = Array.from({ length: n }, () => r.int(b.length + 1)).sort((x, y) => x - y);
  for (const p of points) {
    parts.push(b.subarray(at, p), Buffer.from([byte]));
    at = p;
  }
  parts.push(b.subarray(at));
  return Buffer.concat(parts);
}
/** Encodes a string as UTF-16 code units without validation (lone surrogates stay). */
function utf16(s, be) {
  const b = Buffer.alloc(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    if (be) b.writeUInt16BE(s.charCodeAt(i), i * 2);
    else b.writeUInt16LE(s.charCodeAt(i), i * 2);
  }
  return b;
}
function withLoneSurrogates(s, r) {
  const chars = [...s];
  for (let i = 0; i < 1 + r.int(8); i++) chars.splice(r.int(chars.length + 1), 0, String.fromCharCode(0xd800 + r.int(0x800)));
  return chars.join('');
}
const htmlWrap = (body, r) => (r() < 0.5 ? `<!doctype html><html><head><meta charset="${r.pick(['utf-8', 'gbk', 'big5', 'utf-16', 'x-junk', 'iso-8859-1', ''])}"><title>t</title></head><body>${body}</body></html>` : body);

const GENERATORS = [
  ['random-bytes', 6, (r) => ({ ext: r.pick([...TEXT_EXT, 'docx', 'pdf']), bytes: r.bytes(r.int(r() < 0.9 ? 2048 : 200_000)) })],
  ['random-bytes-with-magic', 3, (r) => {
    const magic = r.pick([Buffer.from('%PDF-1.7\n'), Buffer.from('PK\x03\x04'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([0x84, 0x31, 0x95, 0x33])]);
    return { ext: r.pick([...TEXT_EXT, 'docx', 'pdf']), bytes: Buffer.concat([magic, r.bytes(r.int(4096))]) };
  }],
  ['truncated-utf8', 5, (r) => ({ ext: r.pick(TEXT_EXT), bytes: cut(Buffer.from(reportText(r)), r) })],
  ['damaged-utf8', 4, (r) => ({ ext: r.pick(TEXT_EXT), bytes: flip(Buffer.from(reportText(r)), r) })],
  ['truncated-gbk', 5, (r) => ({ ext: r.pick(TEXT_EXT), bytes: cut(iconv.encode(reportText(r), 'gbk'), r) })],
  ['damaged-gb18030', 3, (r) => ({ ext: r.pick(TEXT_EXT), bytes: flip(iconv.encode(reportText(r), 'gb18030'), r) })],
  ['truncated-big5', 3, (r) => ({ ext: r.pick(TEXT_EXT), bytes: cut(iconv.encode(reportText(r), 'big5'), r) })],
  ['truncated-utf16', 5, (r) => {
    const be = r() < 0.5;
    const bom = r() < 0.5 ? Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0);
    return { ext: r.pick(TEXT_EXT), bytes: cut(Buffer.concat([bom, utf16(reportText(r), be)]), r) };
  }],
  ['utf32', 2, (r) => {
    const t = reportText(r, 500);
    const b = Buffer.alloc(4 + [...t].length * 4);
    b.writeUInt32LE(0xfeff, 0);
    [...t].forEach((ch, i) => b.writeUInt32LE(r() < 0.02 ? 0x110000 + r.int(1000) : ch.codePointAt(0), 4 + i * 4));
    return { ext: r.pick(TEXT_EXT), bytes: cut(b, r) };
  }],
  ['lone-surrogates-utf16', 4, (r) => {
    const be = r() < 0.5;
    return { ext: r.pick(TEXT_EXT), bytes: Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), utf16(withLoneSurrogates(reportText(r, 800), r), be)]) };
  }],
  ['lone-surrogates-utf8-bytes', 3, (r) => ({ ext: r.pick(TEXT_EXT), bytes: sprinkle(sprinkle(Buffer.from(reportText(r, 800)), r, 0xed), r, 0xa0) })],
  ['lone-surrogates-entities', 3, (r) => ({ ext: r.pick(['html', 'htm', 'xhtml']), bytes: Buffer.from(htmlWrap(`<p>${reportText(r, 500)}&#xD800;&#xDFFF;&#55296;&#1114112;&#x110000;&#0;&#x0;&#xFFFE;&#99999999999;</p>`, r)) })],
  ['nul-bytes', 4, (r) => ({ ext: r.pick(TEXT_EXT), bytes: sprinkle(Buffer.from(reportText(r)), r, 0) })],
  ['control-chars', 2, (r) => ({ ext: r.pick(TEXT_EXT), bytes: Buffer.from(reportText(r, 500).replace(/。/g, () => String.fromCharCode(r.int(32)))) })],
  ['nested-html', 3, (r) => {
    const depth = 1000 + r.int(60_000);
    const tag = r.pick(['div', 'p', 'span', 'table', 'td', 'pre', 'svg', 'ul><li', 'b', 'font']);
    const open = `<${tag}>`.repeat(depth);
    const body = r() < 0.5 ? open + reportText(r, 300) : open + reportText(r, 300) + `</${tag.split('>')[0]}>`.repeat(depth);
    return { ext: r.pick(['html', 'htm', 'xhtml']), bytes: Buffer.from(htmlWrap(body, r)) };
  }],
  ['broken-html', 5, (r) => {
    const pieces = ['<!--', '-->', '<script>', '</script>', '<style>', '<![CDATA[', ']]>', '<?xml', '<!DOCTYPE', '<p', '<p class="', "'", '"', '>', '</', '&', '&amp', '&#', '&#x', '&nbsp;', '<textarea>', '<title>', '<head>', '<body>', '</body>', '<pre>', '<br/>', '<td>', '<svg/>', '<math>', '<noscript>', '<iframe>', '<meta charset=gbk>', '<meta http-equiv="Content-Type" content="text/html; charset=big5">'];
    let s = '';
    for (let i = 0; i < 20 + r.int(400); i++) s += r() < 0.4 ? r.pick(pieces) : reportText(r, 40);
    const bytes = r() < 0.3 ? iconv.encode(s, r.pick(['gbk', 'big5', 'utf-16le'])) : Buffer.from(s);
    return { ext: r.pick(['html', 'htm', 'xhtml']), bytes };
  }],
  ['docx-broken-xml', 5, (r) => {
    const good = documentXml(reportText(r, 800).split('\n').filter(Boolean));
    const variants = [
      () => good.slice(0, r.int(good.length)),
      () => good.replace(/<\/w:t>/g, () => (r() < 0.3 ? '' : '</w:t>')),
      () => good.replace(/&amp;|。/g, '&undefined;'),
      () => `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><w:document ${W}><w:body><w:p><w:r><w:t>&f;&f;&f;&f;</w:t></w:r></w:p></w:body></w:document>`,
      () => `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`,
      () => `<w:document ${W}><w:body>${'<w:p><w:r>'.repeat(2000 + r.int(20_000))}<w:t>深</w:t></w:body></w:document>`,
      () => `<w:document ${W}><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(200 + r.int(3000))}<w:p><w:r><w:t>表</w:t></w:r></w:p></w:body></w:document>`,
      () => good.replace('UTF-8', r.pick(['UTF-16', 'GBK', 'x-junk'])),
      () => String(r.bytes(2000)),
      () => '',
    ];
    return { ext: 'docx', bytes: docx(r.pick(variants)()) };
  }],
  ['docx-bad-package', 3, (r) => {
    const xml = documentXml(['报告正文，增长5%。']);
    const variants = [
      () => docx(xml, [], { rels: RELS.replace('word/document.xml', r.pick(['../../../../etc/passwd', '/etc/hostname', 'word/missing.xml', 'C:\\\\x.xml', '', '%00'])) }),
      () => makeZip([{ name: 'word/document.xml', data: Buffer.from(xml) }]),
      () => makeZip([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }]),
      () => makeZip([]),
      () => docx(xml, [{ name: '../../evil.xml', data: Buffer.from('<x/>') }, { name: 'word/media/image1.png', data: r.bytes(500) }]),
      () => docx(xml, [], { lie: r.int(100) }),
    ];
    return { ext: 'docx', bytes: r.pick(variants)() };
  }],
  ['docx-mutated', 5, (r) => {
    const b = validDocx(r);
    return { ext: 'docx', bytes: r() < 0.5 ? flip(b, r, 1 + r.int(5)) : cut(b, r) };
  }],
  ['pdf-garbage', 3, (r) => {
    const objs = ['1 0 obj', 'endobj', '<<', '>>', '/Type /Page', '/Pages 2 0 R', 'stream\n', '\nendstream', 'xref\n0 3\n', 'trailer', 'startxref\n', '%%EOF', '/Filter /FlateDecode', '/Length 99999999', '/Encrypt 9 0 R', '/Kids [3 0 R 3 0 R]', '/Count -1', 'BT /F1 12 Tf (Hello) Tj ET', '[', ']', '(', ')', '/Root 1 0 R'];
    let s = '%PDF-1.' + r.int(8) + '\n';
    for (let i = 0; i < 10 + r.int(300); i++) s += r.pick(objs) + (r() < 0.5 ? '\n' : ' ');
    return { ext: 'pdf', bytes: Buffer.from(s, 'latin1') };
  }],
];

const TOTAL_WEIGHT = GENERATORS.reduce((n, g) => n + g[1], 0);

/** Cheap generators by name (for the summary). */
export const GENERATOR_NAMES = GENERATORS.map((g) => g[0]);

/** One random malformed input. */
export function randomInput(r) {
  let x = r() * TOTAL_WEIGHT;
  for (const [kind, weight, make] of GENERATORS) {
    x -= weight;
    if (x <= 0) return { kind, ...make(r) };
  }
  const [kind, , make] = GENERATORS[0];
  return { kind, ...make(r) };
}

/** Inputs derived from a valid PDF (made once per run, mutated per input). */
export async function pdfBases() {
  return { plain: await pdf(LATIN), encrypted: await pdf(LATIN, { userPassword: 'secret', ownerPassword: 'owner' }), ownerOnly: await pdf(LATIN, { ownerPassword: 'owner', permissions: { copying: false } }) };
}

export function mutatedPdf(r, bases) {
  const b = r.pick([bases.plain, bases.plain, bases.encrypted, bases.ownerOnly]);
  const v = r.int(4);
  if (v === 0) return { kind: 'pdf-truncated', ext: 'pdf', bytes: cut(b, r) };
  if (v === 1) return { kind: 'pdf-bitflip', ext: 'pdf', bytes: flip(b, r, 1 + r.int(30)) };
  if (v === 2) {
    const s = b.toString('latin1').replace(/\/Length \d+/g, () => `/Length ${r.int(100000)}`).replace(/startxref\s+\d+/, `startxref\n${r.int(1e9)}`);
    return { kind: 'pdf-bad-xref', ext: 'pdf', bytes: Buffer.from(s, 'latin1') };
  }
  return { kind: 'pdf-spliced', ext: 'pdf', bytes: Buffer.concat([cut(b, r), r.bytes(r.int(2000)), b.subarray(r.int(b.length))]) };
}

/** The expensive inputs, made once per run. */
export async function* specials(r, bases, { bigMb = 20 } = {}) {
  // a 20 MB report on one single line (Chinese text, no line break)
  const para = SAMPLES.join('').replace(/\s+/g, '');
  const big = Buffer.from(para.repeat(Math.ceil((bigMb * 1024 * 1024) / Buffer.byteLength(para))));
  yield { kind: 'single-line-20mb', ext: 'txt', bytes: big.subarray(0, bigMb * 1024 * 1024 - 1) };
  yield { kind: 'single-line-20mb-html', ext: 'html', bytes: Buffer.concat([Buffer.from('<p>'), big.subarray(0, bigMb * 1024 * 1024 - 10), Buffer.from('</p>')]) };
  yield { kind: 'single-line-20mb-ascii-digits', ext: 'txt', bytes: Buffer.alloc(bigMb * 1024 * 1024, '1234567890,') };
  // zip bombs: honest and lying directory
  const spaces = Buffer.alloc(120 * 1024 * 1024, 0x20);
  const bombXml = Buffer.concat([Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`), spaces, Buffer.from('</w:t></w:r></w:p></w:body></w:document>')]);
  yield { kind: 'zip-bomb-docx', ext: 'docx', bytes: docx(bombXml) };
  yield { kind: 'zip-bomb-docx-lying-sizes', ext: 'docx', bytes: docx(bombXml, [], { lie: 1000 }) };
  yield { kind: 'zip-bomb-docx-many-parts', ext: 'docx', bytes: docx(documentXml(['正文']), Array.from({ length: 12 }, (_, i) => ({ name: `word/part${i}.xml`, data: spaces.subarray(0, 10 * 1024 * 1024) }))) };
  yield { kind: 'docx-50k-entries', ext: 'docx', bytes: docx(documentXml(['正文']), Array.from({ length: 50_000 }, (_, i) => ({ name: `customXml/i${i}.xml`, data: Buffer.from('<a/>'), store: true }))) };
  yield { kind: 'pdf-encrypted', ext: 'pdf', bytes: bases.encrypted };
  yield { kind: 'pdf-owner-password-only', ext: 'pdf', bytes: bases.ownerOnly };
  yield { kind: 'pdf-valid-latin', ext: 'pdf', bytes: bases.plain };
  yield { kind: 'nested-html-1m', ext: 'html', bytes: Buffer.from('<div>'.repeat(1_000_000) + '正文增长5%。') };
  yield { kind: 'nested-comments-html', ext: 'html', bytes: Buffer.from('<!--<!--'.repeat(200_000) + '正文') };
  yield { kind: 'unterminated-attribute-html', ext: 'html', bytes: Buffer.from('<p title="' + 'a'.repeat(5_000_000)) };
  yield { kind: 'many-lt-html', ext: 'html', bytes: Buffer.from('<a'.repeat(3_000_000)) };
  yield { kind: 'utf16-odd-length', ext: 'txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('增长5%', false), Buffer.from([0x41])]) };
  yield { kind: 'only-bom', ext: 'txt', bytes: Buffer.from([0xef, 0xbb, 0xbf]) };
  yield { kind: 'only-nul', ext: 'txt', bytes: Buffer.alloc(4096) };
  yield { kind: 'million-lines', ext: 'txt', bytes: Buffer.from('\n'.repeat(2_000_000) + '增长5%') };
  yield { kind: 'dense-paragraphs-100k', ext: 'txt', bytes: Buffer.from('增长5%。\n\n'.repeat(100_000)) };
  // ~1.85 million figures: its document JSON would pass V8's string limit (RangeError before
  // the store refused it with 'file-too-large')
  yield { kind: 'figure-dense-24mb', ext: 'txt', bytes: Buffer.from('增长5%。\n\n'.repeat(1_850_000)) };
  yield { kind: 'astral-only', ext: 'txt', bytes: Buffer.from('𠀀𪚥😀'.repeat(300_000)) };
  yield* hostile();
  void r;
}

/**
 * Files built to exhaust the app (issue 17): docx whose parts expand to ~100 MB under any name,
 * PDFs with millions of operators or page references, floods of "<", degenerate texts (one
 * character, word, digit or mark repeated), and a named pipe. Each must be imported or refused
 * with a code within the budget, never crash or hang.
 */
export async function* hostile() {
  // ~99 MB of ordinary paragraphs, a few hundred kB compressed (just under the zip-bomb limit)
  const para = '一年来，召开常委会会议9次，制定、修改地方性法规3件，听取审议专项报告16项，作出决议决定10项。';
  const paraXml = `<w:p><w:r><w:t xml:space="preserve">${para}</w:t></w:r></w:p>`;
  const n99 = Math.floor((99 * 1024 * 1024) / Buffer.byteLength(paraXml));
  yield { kind: 'docx-99mb-paragraphs', ext: 'docx', bytes: docx(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paraXml.repeat(n99)}</w:body></w:document>`)) };
  // the main part under another name (.bin) expanding to 300 MB; a 90 MB part named .dat
  {
    const spaces = Buffer.alloc(300 * 1024 * 1024, 0x20);
    const xml = Buffer.concat([Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>`), spaces, Buffer.from('正文</w:t></w:r></w:p></w:body></w:document>')]);
    const rels = RELS.replace('word/document.xml', 'word/document.bin');
    yield { kind: 'docx-main-part-bin-300mb', ext: 'docx', bytes: makeZip([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: '_rels/.rels', data: Buffer.from(rels) }, { name: 'word/document.bin', data: xml }]) };
    yield { kind: 'docx-main-part-bin-lying', ext: 'docx', bytes: makeZip([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: '_rels/.rels', data: Buffer.from(rels) }, { name: 'word/document.bin', data: xml }], { lie: 1000 }) };
  }
  yield { kind: 'docx-dat-part-90mb', ext: 'docx', bytes: docx(documentXml(['报告正文，增长5%。']), [{ name: 'word/data.dat', data: Buffer.alloc(90 * 1024 * 1024, 0x41) }]) };
  yield { kind: 'docx-embedding-90mb', ext: 'docx', bytes: docx(documentXml(['报告正文，增长5%。']), [{ name: 'word/embeddings/oleObject1.bin', data: Buffer.alloc(90 * 1024 * 1024) }]) };
  // PDFs: 4 million text-drawing operators on one page; a page tree of 200,000 references to one page
  yield { kind: 'pdf-4m-operators', ext: 'pdf', bytes: rawPdf(1, 'BT /F1 12 Tf 72 700 Td ' + '(a) Tj '.repeat(4_000_000) + 'ET') };
  yield { kind: 'pdf-200k-page-refs', ext: 'pdf', bytes: rawPdf(200_000, 'BT /F1 12 Tf 72 700 Td (Report) Tj ET') };
  // floods of "<": alone, with line breaks, between CJK characters
  yield { kind: 'html-lt-flood-5mb', ext: 'html', bytes: Buffer.alloc(5 * 1024 * 1024, '<') };
  yield { kind: 'html-lt-newline-flood', ext: 'html', bytes: Buffer.from('<\n'.repeat(1_000_000)) };
  yield { kind: 'html-cjk-lt-flood', ext: 'html', bytes: Buffer.from('会\n<'.repeat(400_000)) };
  // degenerate texts, 0.75 MB each
  yield { kind: 'degenerate-one-char', ext: 'txt', bytes: Buffer.from('会'.repeat(250_000)) };
  yield { kind: 'degenerate-one-word', ext: 'txt', bytes: Buffer.from('发展'.repeat(125_000)) };
  yield { kind: 'degenerate-one-digit', ext: 'txt', bytes: Buffer.from('1'.repeat(750_000)) };
  yield { kind: 'degenerate-one-mark', ext: 'txt', bytes: Buffer.from('。'.repeat(250_000)) };
  // a named pipe where a report is expected (run.mjs makes it with mkfifo)
  if (process.platform !== 'win32') yield { kind: 'fifo', ext: 'txt', fifo: true, bytes: Buffer.alloc(0) };
}

/** A PDF by hand: `pages` entries in the page tree, all referring to one page whose content stream is `content` (deflated). */
export function rawPdf(pages, content) {
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  const kids = Array.from({ length: pages }, () => '3 0 R').join(' ');
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
