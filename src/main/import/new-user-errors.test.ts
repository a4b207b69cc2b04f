/**
 * [import-s6] What a new user is told when a path or file cannot be imported (CLI lines, and the
 * detail under the app's worded error): the code fits what happened, and the message says what
 * the file is and what to do — not a bare "Unsupported file type." or a pdf.js internal.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/index';
import { importFile } from './index';
import { TempDir, makePdf, rejectionOf } from './test-fixtures';

const dir = new TempDir();
afterAll(() => dir.remove());

describe('import errors a new user meets', () => {
  it('a mistyped path with no extension (a folder name, a trailing slash) is file-not-found naming it, not an unsupported file type', async () => {
    for (const p of [join(dir.path, '2024年报告'), join(dir.path, 'reports') + '/']) {
      const r = await rejectionOf(importFile(p));
      expect(r.code, p).toBe('file-not-found');
      expect(r.message).toContain(p.replace(/\/$/, ''));
    }
    expect((await rejectionOf(importFile(join(dir.path, 'missing.xyz')))).code).toBe('file-not-found');
  });

  it('a folder named as a file is file-unreadable ("a folder, not a file")', async () => {
    const folder = join(dir.path, 'a-folder');
    mkdirSync(folder);
    expect(await rejectionOf(importFile(folder))).toMatchObject({ code: 'file-unreadable', message: expect.stringMatching(/folder, not a file/) });
  });

  it('an existing file of another type says which files are reports', async () => {
    const r = await rejectionOf(importFile(dir.file('README', '各位代表')));
    expect(r.code).toBe('unsupported-format');
    expect(r.message).toBe('Unsupported file type (the name has no extension). Reports are read from .txt, .md, .docx, .html or .pdf files.');
    expect((await rejectionOf(importFile(dir.file('table.xlsx', 'PK')))).message).toMatch(/^Unsupported file type \.xlsx\. Reports are read from/);
    expect((await rejectionOf(importFile(dir.file('old.doc', 'x')))).message).toBe('Unsupported file type .doc. Save .doc files as .docx first.');
  });

  it('a PDF cut short says it is damaged or incomplete and what to do', async () => {
    const pdf = await makePdf({ blocks: [{ paragraph: '全年召开常委会会议12次。'.repeat(40) }] });
    const r = await rejectionOf(importFile(dir.file('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)))));
    expect(r.code).toBe('corrupt-pdf');
    expect(r.message).toMatch(/^The PDF is damaged or incomplete \(a download cut short\?\) and cannot be read: .+\. Export or download it again\.$/);
  });

  it('the CLI on a folder with no reports names the file types it reads', async () => {
    const empty = join(dir.path, 'no-reports');
    mkdirSync(empty);
    const io = { stderr: '', errIsTTY: false, out: () => {}, err: (s: string) => void (io.stderr += s) };
    expect(await runCli(['analyze', empty], io)).toBe(1);
    expect(io.stderr).toBe('analyze: no report files (.txt .text .md .markdown .docx .html .htm .xhtml .pdf) in the given paths\n');
  });
});
