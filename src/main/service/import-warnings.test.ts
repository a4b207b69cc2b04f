/**
 * [import-s6] Reports that come in without Add files — the folder of a workspace opened at start
 * (imported in the background), another encoding chosen for a report — keep their import
 * warnings: the workspace's notices carry them as code + params (`import-warning`), one per
 * warning, and a file read again replaces what its earlier reading said.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../core/api';
import { ok, settled, testBackends } from './test-backends';

const { backend, closeAll } = testBackends({ version: '0.0.0' });
afterEach(closeAll);
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));

const REPORT = '\n\n各位代表：\n\n全年召开常委会会议12次，审议法规草案8件，听取和审议专项工作报告16项。\n\n实现地区生产总值3400余万元，增长6.5%。\n';
const LINES = 7; // line ends of REPORT

/** The import warnings among the notices, as `file: code {params}`, sorted. */
function warnings(ws: WorkspaceView): string[] {
  return ws.notices
    .filter((n) => n.code === 'import-warning')
    .map((n) => {
      const { path, importWarning, ...params } = n.params ?? {};
      return `${String(path).split('/').pop()}: ${importWarning} ${JSON.stringify(params)}`;
    })
    .sort();
}

describe('import warnings of background imports', () => {
  it('a workspace opened at start imports its folder in the background and keeps each file’s warnings as notices', async () => {
    const dir = tmp('ra-iw-');
    writeFileSync(join(dir, 'gbk-crlf.txt'), iconv.encode(REPORT.replace(/\n/g, '\r\n'), 'gbk'));
    writeFileSync(join(dir, 'damaged.txt'), Buffer.concat([Buffer.from(REPORT, 'utf8'), Buffer.from([0xff]), Buffer.from('结束。\n', 'utf8')]));
    writeFileSync(join(dir, 'clean.txt'), REPORT);
    const b = backend(tmp('ra-iw-ud-'), dir);
    const ws = await settled(b, 'workspaceGet', {});
    expect(ws!.documents).toHaveLength(3);
    expect(warnings(ws!)).toEqual([
      'damaged.txt: undecodable-bytes {"count":1,"encoding":"utf-8"}',
      `gbk-crlf.txt: line-ends-normalised {"crlf":${LINES},"cr":0,"separators":0}`,
    ]);
    // English fallback text for a client that does not know the code
    expect(ws!.notices.find((n) => n.code === 'import-warning' && String(n.params?.path).endsWith('gbk-crlf.txt'))?.message).toMatch(/gbk-crlf\.txt: Line ends read as LF \(7 CRLF\)/);
  });

  it('choosing another encoding says what that reading did, in place of the earlier reading’s warnings', async () => {
    const dir = tmp('ra-iw-enc-');
    writeFileSync(join(dir, 'report.txt'), iconv.encode(REPORT.replace(/\n/g, '\r\n'), 'gbk'));
    const b = backend(tmp('ra-iw-enc-ud-'), dir);
    const ws = await settled(b, 'workspaceGet', {});
    const id = ws!.documents[0].id;
    expect(warnings(ws!)).toEqual([`report.txt: line-ends-normalised {"crlf":${LINES},"cr":0,"separators":0}`]);
    await ok(b, 'documentSetEncoding', { documentId: id, encoding: 'utf-8' });
    const wrong = warnings((await ok(b, 'workspaceGet', {}))!);
    expect(wrong).toHaveLength(2);
    expect(wrong[0]).toMatch(/^report\.txt: line-ends-normalised /);
    expect(wrong[1]).toMatch(/^report\.txt: undecodable-bytes \{"count":\d+,"encoding":"utf-8"\}$/);
    await ok(b, 'documentSetEncoding', { documentId: id, encoding: 'gbk' });
    expect(warnings((await ok(b, 'workspaceGet', {}))!)).toEqual([`report.txt: line-ends-normalised {"crlf":${LINES},"cr":0,"separators":0}`]);
  });
});
