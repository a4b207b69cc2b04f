/**
 * The command-line interface: the core on files, for batches and for scoring.
 *   report-annotator analyze <files or folders…> [--format jsonl|csv] [--out FILE]
 *   report-annotator import <files or folders…> --workspace DIR [--create]
 *   report-annotator export --workspace DIR --format F --out PATH [--filter …]
 *   report-annotator team id | add-device | share | status   (the local Syncthing; see team.ts)
 *   report-annotator agreement --workspace DIR [--format table|json] [--kind K]   (see agreement.ts)
 */
import { parseArgs } from 'node:util';
import { EXPORT_HELP } from '../../core/export/formats';
import { type CliIO, processIO } from './io';

// Each command's module is loaded when the command runs, so starting the CLI stays quick.

export const HELP = `usage: report-annotator <command> [options]

commands:
  analyze <files or folders…> [--format jsonl|csv] [--out FILE]
      find figures, duplicated text, text defects and consistency checks; one JSONL line per document
  import <files or folders…> --workspace DIR [--create]
      import and analyse reports into a workspace store; DIR must exist unless --create is given
${EXPORT_HELP}  team id | add-device ID [--name NAME] | share --workspace DIR --device ID… [--folder-id ID] | status --workspace DIR [--folder-id ID]
      share a workspace with teammates through the local Syncthing
  agreement --workspace DIR [--format table|json] [--kind K]
      agreement between the analysts of a team workspace: span F1 and Krippendorff's alpha per kind
  help
      show this help

options:
  --help, -h     show this help
  --version      print the version
`;

export async function runCli(argv: string[], io: CliIO = processIO, version = '0.0.0'): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return 0;
  }
  if (command === '--version') {
    io.out(`${version}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'analyze': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string', default: 'jsonl' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
        if (values.help) return io.out(HELP), 0;
        if (values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError(`--format must be jsonl or csv, not ${values.format}`);
        if (positionals.length === 0) throw new UsageError('analyze needs at least one file or folder');
        const { runAnalyze } = await import('./analyze');
        return await runAnalyze({ paths: positionals, format: values.format, out: values.out }, io);
      }
      case 'import': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { workspace: { type: 'string' }, create: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
        if (values.help) return io.out(HELP), 0;
        if (!values.workspace) throw new UsageError('import needs --workspace DIR');
        if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
        const { runImport } = await import('./import');
        return await runImport({ paths: positionals, workspace: values.workspace, create: values.create === true }, io);
      }
      case 'export': {
        const { values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, filter: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
        if (values.help) return io.out(HELP), 0;
        if (!values.workspace) throw new UsageError('export needs --workspace DIR');
        if (!values.format) throw new UsageError('export needs --format F');
        if (!values.out) throw new UsageError('export needs --out PATH');
        const { runExport } = await import('./export');
        return await runExport({ workspace: values.workspace, format: values.format, out: values.out, filter: values.filter }, io);
      }
      case 'team': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { workspace: { type: 'string' }, device: { type: 'string', multiple: true }, name: { type: 'string' }, 'folder-id': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
        if (values.help || positionals.length === 0) return io.out(HELP), 0;
        const { runTeam } = await import('./team');
        return await runTeam({ sub: positionals[0]!, positionals: positionals.slice(1), workspace: values.workspace, devices: values.device, name: values.name, folderId: values['folder-id'] }, io);
      }
      case 'agreement': {
        const { values } = parseArgs({ args: rest, options: { workspace: { type: 'string' }, format: { type: 'string' }, kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
        if (values.help) return io.out(HELP), 0;
        if (!values.workspace) throw new UsageError('agreement needs --workspace DIR');
        const { runAgreement } = await import('./agreement');
        const { openTeamLayersSource } = await import('../team/layers-source');
        return await runAgreement({ workspace: values.workspace, format: values.format, kind: values.kind }, io, openTeamLayersSource);
      }
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`report-annotator: ${(e as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
}

class UsageError extends Error {}
