/**
 * Hardening: the importers on arbitrary bytes (fast-check). decodeText and importFile either
 * return text or throw an AppError with a code — never a TypeError, a RangeError or anything
 * else a user would see as a crash. The long run is `node fuzz/run.mjs`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, isAppError } from '../../core/errors';
import { decodeText, importFile } from './index';

const dir = mkdtempSync(join(tmpdir(), 'ra-import-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enc = new TextEncoder();
/** Byte soups that look like the inputs the detectors care about. */
const chunks = fc.constantFrom(
  enc.encode('全市地区生产总值增长5.2%。'), Uint8Array.of(0xd1, 0xa7, 0xcf, 0xb0), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe),
  Uint8Array.of(0xfe, 0xff), Uint8Array.of(0xff, 0xfe, 0, 0), Uint8Array.of(0x84, 0x31, 0x95, 0x33), Uint8Array.of(0xe5, 0x85), Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0), Uint8Array.of(0x0d, 0x0a), enc.encode('<meta charset="big5">'), enc.encode('<meta charset="x-nonsense">'), enc.encode('<p>'), enc.encode('<!--'),
  enc.encode('<script>'), enc.encode('&#xD800;'), enc.encode('&#1114112;'), enc.encode('%PDF-1.7\n'), enc.encode('PK\x03\x04'),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.array(fc.oneof(chunks, fc.uint8Array({ maxLength: 8 })), { maxLength: 40 }).map((parts) => Buffer.concat(parts.map((p) => Buffer.from(p)))),
);

function expectAppError(e: unknown): void {
  expect(isAppError(e), `not an AppError: ${String((e as Error)?.stack ?? e)}`).toBe(true);
  expect(ErrorCode).toContain((e as { code: string }).code);
}

describe('decodeText on arbitrary bytes', () => {
  it('returns a string or throws an AppError, with and without an encoding override', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(undefined, 'gbk', 'big5', 'utf-16', 'utf-32', 'shift_jis', 'no-such-encoding', ''), (b, override) => {
        try {
          expect(typeof decodeText(b, override).text).toBe('string');
        } catch (e) {
          expectAppError(e);
        }
      }),
      { numRuns: 500 },
    );
  });
});

let counter = 0;
async function importBytes(b: Uint8Array, ext: string): Promise<void> {
  const path = join(dir, `f${counter++}.${ext}`);
  writeFileSync(path, b);
  try {
    const r = await importFile(path);
    expect(typeof r.text).toBe('string');
  } catch (e) {
    expectAppError(e);
  } finally {
    rmSync(path, { force: true });
  }
}

describe('importFile on arbitrary bytes', () => {
  it('txt, md, html: text or an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('txt', 'md', 'html', 'xhtml'), (b, ext) => importBytes(b, ext)),
      { numRuns: 200 },
    );
  });

  it('docx: random bytes and broken archives give an AppError', async () => {
    const broken = fc.tuple(fc.constantFrom('word/document.xml', '_rels/.rels', 'word/other.xml'), fc.string({ maxLength: 200 }), fc.boolean()).map(async ([name, xml, rels]) => {
      const zip = new JSZip();
      zip.file(name, xml);
      if (rels) zip.file('_rels/.rels', `<Relationships><Relationship Type="x/officeDocument" Target="${xml.slice(0, 20)}"/></Relationships>`);
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(bytes.map(async (b) => b), broken), fc.nat(), async (make, cut) => {
        const b = await make;
        await importBytes(b, 'docx');
        if (b.length > 1) await importBytes(b.subarray(0, cut % b.length), 'docx'); // truncated
      }),
      { numRuns: 60 },
    );
  });

  it('pdf: random bytes behind a %PDF header give an AppError', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, (b) => importBytes(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(b)]), 'pdf')),
      { numRuns: 40 },
    );
  });
});
