/**
 * `report-annotator team <subcommand>` — sharing a workspace through the local Syncthing:
 *   team id                                   print this machine's Syncthing device ID
 *   team add-device ID [--name NAME]          add a teammate's device
 *   team share --workspace DIR --device ID… [--folder-id ID]
 *                                             write the workspace's .stignore and share the folder
 *                                             (every teammate uses the same folder id)
 *   team status --workspace DIR [--folder-id ID]
 *                                             the folder's state and each device's completion
 * Errors are Syncthing's codes with a plain message (exit code 1), never a hang.
 */
import { basename, resolve } from 'node:path';
import { SyncthingClient, SyncthingError, writeStignore } from '../team/syncthing';
import type { CliIO } from './io';

export interface TeamArgs {
  sub: string;
  positionals: string[];
  workspace?: string;
  devices?: string[];
  name?: string;
  folderId?: string;
}

export const TEAM_HELP = `  team id | add-device ID [--name NAME] | share --workspace DIR --device ID… [--folder-id ID] | status --workspace DIR [--folder-id ID]
      share a workspace with teammates through the local Syncthing
`;

/** The folder id every teammate uses for a workspace unless told otherwise: from the folder's name. */
export function defaultFolderId(workspace: string): string {
  const slug = basename(resolve(workspace)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `report-annotator-${slug || 'workspace'}`;
}

export async function runTeam(args: TeamArgs, io: CliIO, connect: () => Promise<SyncthingClient> = () => SyncthingClient.local()): Promise<number> {
  try {
    switch (args.sub) {
      case 'id': {
        const st = await connect();
        io.out(`${await st.myId()}\n`);
        return 0;
      }
      case 'add-device': {
        const id = args.positionals[0];
        if (!id) return usage(io, 'team add-device needs a device ID');
        const st = await connect();
        const added = await st.addDevice(id, args.name ?? id.slice(0, 7));
        io.out(`device ${added} added\n`);
        return 0;
      }
      case 'share': {
        if (!args.workspace) return usage(io, 'team share needs --workspace DIR');
        if (!args.devices?.length) return usage(io, 'team share needs --device ID (one per teammate)');
        const st = await connect();
        const folderId = args.folderId ?? defaultFolderId(args.workspace);
        const dir = resolve(args.workspace);
        for (const d of args.devices) await st.addDevice(d, d.slice(0, 7));
        await writeStignore(dir);
        await st.shareFolder({ id: folderId, label: basename(dir), path: dir, devices: args.devices });
        io.out(`shared ${dir} as folder ${folderId} with ${args.devices.length} device(s); teammates share their copy with the same folder id\n`);
        return 0;
      }
      case 'status': {
        if (!args.workspace) return usage(io, 'team status needs --workspace DIR');
        const st = await connect();
        const folderId = args.folderId ?? defaultFolderId(args.workspace);
        const me = await st.myId();
        const folder = (await st.folders()).find((f) => f.id === folderId);
        if (!folder) {
          io.err(`team: folder ${folderId} is not shared on this machine\n`);
          return 1;
        }
        const s = await st.folderStatus(folderId);
        io.out(`folder ${folderId}: ${s.state}, ${s.needTotalItems} item(s) to fetch\n`);
        for (const d of folder.devices) {
          if (d.deviceID === me) continue;
          const [c, on] = [await st.completion(folderId, d.deviceID), await st.connected(d.deviceID)];
          io.out(`  ${d.deviceID}  ${on ? 'connected' : 'not connected'}  ${c.completion.toFixed(1)}% in sync\n`);
        }
        return 0;
      }
      default:
        return usage(io, `unknown team subcommand '${args.sub}'`);
    }
  } catch (e) {
    if (e instanceof SyncthingError) {
      io.err(`team: ${e.message} [${e.code}]\n`);
      return 1;
    }
    throw e;
  }
}

function usage(io: CliIO, msg: string): number {
  io.err(`team: ${msg}\nusage:\n${TEAM_HELP}`);
  return 2;
}
