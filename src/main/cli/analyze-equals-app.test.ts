/**
 * `analyze` prints the findings the app shows: for the same reports, the CLI's JSONL (figures,
 * duplicates, defects and checks) and the findings the real service stores and shows after
 * importing them into a workspace are the same findings, id for id and field for field.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkId, defectId, duplicateId, figureId } from '../../core/document';
import type { Analysis, Defect } from '../../core/schema';
import type { Finding } from '../../core/store-schema';
import type { Backend } from '../service/backend';
import { SAMPLES, settled as ok, testBackends } from '../service/test-backends';
import { thin } from '../service/documents';
import { WorkspaceStore } from '../store';
import { runCli } from './index';
import type { CliIO } from './io';

const { backend, open, closeAll } = testBackends({ version: '0.0.0' });
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));

afterEach(closeAll);

type Line = Analysis & { path: string; length: number; checks: Defect[] };

/** The CLI's JSONL lines for the given paths, by file name. */
async function analyze(paths: string[]): Promise<Map<string, Line>> {
  const out = join(tmp('ra-analyze-'), 'out.jsonl');
  const io: CliIO = { errIsTTY: false, out: () => {}, err: () => {} };
  expect(await runCli(['analyze', ...paths, '--out', out], io)).toBe(0);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
  return new Map(lines.map((l) => [basename(l.path), l]));
}

/** A CLI line as findings by id: each detector record and each check under the id the app gives it. */
function cliFindings(l: Line): Map<string, Finding> {
  const out: [string, Finding][] = [
    ...l.figures.map((f): [string, Finding] => [figureId(f), { type: 'figure', id: figureId(f), origin: 'detector', data: f }]),
    ...l.duplicates.map((d): [string, Finding] => [duplicateId(d), { type: 'duplicate', id: duplicateId(d), origin: 'detector', data: d }]),
    ...l.defects.map((d): [string, Finding] => [defectId(d), { type: 'defect', id: defectId(d), origin: 'detector', data: d }]),
    ...l.checks.map((d): [string, Finding] => {
      const id = checkId(d.check!.rule, d.start, d.end);
      return [id, { type: 'defect', id, origin: 'detector', data: d }];
    }),
  ];
  const byId = new Map(out);
  // every record of the line is one finding (no two records under one id)
  expect(byId.size).toBe(out.length);
  return byId;
}

const byId = (fs: readonly Finding[]): Map<string, Finding> => new Map(fs.map((f) => [f.id, f]));

/**
 * Imports the reports through the real service (workspace on disk, in-process analysis), and
 * compares, report by report, what it shows (documentGet) and what it stores with the CLI's output.
 */
async function expectSameFindings(b: Backend, cli: Map<string, Line>, expectedNames: string[]): Promise<Map<string, Finding[]>> {
  const ws = await ok(b, 'workspaceGet', {});
  expect(ws!.documents.map((d) => d.name).sort()).toEqual([...expectedNames].sort());
  expect([...cli.keys()].sort()).toEqual([...expectedNames].sort());
  const shown = new Map<string, Finding[]>();
  for (const meta of ws!.documents) {
    const view = await ok(b, 'documentGet', { id: meta.id });
    const line = cli.get(meta.name)!;
    expect(line.length).toBe([...view.text].length);
    const fromCli = cliFindings(line);
    // what the app shows (duplicates travel thinned: their places' text is sliced from the document text)
    expect(byId(view.findings)).toEqual(byId(thin([...fromCli.values()])));
    expect(view.findings).toHaveLength(fromCli.size);
    expect(view.meta.counts.total).toBe([...fromCli.values()].filter((f) => !(f.type === 'figure' && f.data.kind === 'name') && !(f.type === 'duplicate' && f.data.kind === 'boilerplate')).length);
    shown.set(meta.name, view.findings);
  }
  const dir = ws!.dir;
  await b.close();
  open.splice(open.indexOf(b), 1);
  // what the service stored, field for field (duplicates with their text)
  const store = await WorkspaceStore.open(dir, { app: 'cli' });
  try {
    for (const meta of store.workspace().documents) {
      const doc = await store.readDocument(meta.id);
      expect(byId(doc.findings)).toEqual(cliFindings(cli.get(meta.name)!));
    }
  } finally {
    await store.close();
  }
  return shown;
}

describe('analyze prints the findings the app shows', () => {
  it('for the five sample reports: the same findings, id for id and field for field', async () => {
    const cli = await analyze([SAMPLES]);
    const b = backend(tmp('ra-ud-'));
    const names = ['changzhi-city-2024.txt', 'jiangxian-county-2024.txt', 'luzhou-district-2025.txt', 'lvliang-city-2024-newspaper.txt', 'taiyuan-city-2024.txt'];
    const shown = await expectSameFindings(b, cli, names);
    // not a comparison of empty lists: every kind of finding is there
    const all = [...shown.values()].flat();
    expect(all.filter((f) => f.type === 'figure').length).toBeGreaterThan(300);
    expect(all.some((f) => f.type === 'duplicate' && f.data.kind === 'boilerplate')).toBe(true);
    expect(all.some((f) => f.type === 'duplicate' && f.data.kind !== 'boilerplate')).toBe(true);
    expect(all.some((f) => f.type === 'defect')).toBe(true);
  });

  it('consistency checks included: a part larger than its whole, a rate over 100%', async () => {
    const dir = tmp('ra-ws-');
    writeFileSync(join(dir, 'checks.txt'), '\n\n收集意见建议4408件，解决落实5342件。\n\n代表建议办结率达到120%。\n');
    writeFileSync(join(dir, 'plain.txt'), '\n\n召开常委会会议9次，审议法规12件。\n');
    const cli = await analyze([dir]);
    const rules = cli.get('checks.txt')!.checks.map((c) => c.check?.rule).sort();
    expect(rules).toEqual(['part_exceeds_whole', 'percent_over_100']);
    expect(cli.get('checks.txt')!.defects.some((d) => d.kind === 'consistency')).toBe(false);
    expect(cli.get('plain.txt')!.checks).toEqual([]);
    const b = backend(tmp('ra-ud-'), dir);
    const shown = await expectSameFindings(b, cli, ['checks.txt', 'plain.txt']);
    expect(shown.get('checks.txt')!.filter((f) => f.type === 'defect' && f.data.kind === 'consistency').map((f) => f.id).sort()).toEqual(
      cli.get('checks.txt')!.checks.map((c) => checkId(c.check!.rule, c.start, c.end)).sort(),
    );
  });
});
