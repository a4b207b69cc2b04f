import { canonicalEncoding } from './encodings';

/** How far into the file a charset declaration is looked for (the HTML spec's prescan uses 1024). */
const PRESCAN = 4096;

/**
 * The charset an HTML file declares: <meta charset>, <meta http-equiv="Content-Type"
 * content="…; charset=…">, or an XML declaration. Returns a canonical encoding or null.
 * Labels follow the WHATWG encoding standard where it differs from iconv (latin1 and
 * ASCII mean windows-1252; a UTF-16 label in a byte-oriented file means UTF-8).
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']{1,40})["']/i.exec(head);
  const metas = head.match(/<meta\b[^>]{0,1024}>/gi) ?? [];
  for (const meta of metas) {
    const label = /charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i.exec(meta)?.[1];
    if (label) return whatwgLabel(label);
  }
  return xml ? whatwgLabel(xml[1]) : null;
}

function whatwgLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l.startsWith('utf-16') || l.startsWith('utf16')) return 'utf-8';
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'l1' || l === 'ascii' || l === 'us-ascii' || l === 'iso8859-1' || l === 'cp1252') return 'windows-1252';
  return canonicalEncoding(l);
}
