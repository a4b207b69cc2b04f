/**
 * The team methods of the API (src/core/api.ts, `// team:` block): layers, agreement,
 * adjudication, assignment and sharing through the local Syncthing.
 * (Contract first: the implementations follow in the next commits.)
 */
import { AppError } from '../../core/errors';
import type { Handlers } from './dispatch';

type TeamMethod = Extract<keyof Handlers, `team${string}`>;
export type TeamHandlers = Pick<Handlers, TeamMethod>;

const notYet = (m: string) => async (): Promise<never> => {
  throw new AppError('internal', `${m} is not implemented yet`);
};

export function createTeamHandlers(): TeamHandlers {
  return {
    teamAnalysts: notYet('teamAnalysts'),
    teamLayers: notYet('teamLayers'),
    teamAgreement: notYet('teamAgreement'),
    teamAdjudicationSummary: notYet('teamAdjudicationSummary'),
    teamAdjudicationQueue: notYet('teamAdjudicationQueue'),
    teamAdjudicate: notYet('teamAdjudicate'),
    teamAssignmentGet: notYet('teamAssignmentGet'),
    teamAssignmentSet: notYet('teamAssignmentSet'),
    teamMyQueue: notYet('teamMyQueue'),
    teamStatus: notYet('teamStatus'),
    teamAddDevice: notYet('teamAddDevice'),
    teamShareFolder: notYet('teamShareFolder'),
    teamAdoptAnalyst: notYet('teamAdoptAnalyst'),
  };
}
