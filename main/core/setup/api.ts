import type { setupApi } from '../../../shared/api/setup';
import type { Handlers } from '../context';
import { getTownship, initTownship } from './service';

export const setupHandlers: Handlers<typeof setupApi> = {
  'setup.status': (_input, ctx) => {
    const township = getTownship(ctx.db);
    return { initialized: township !== null, township };
  },
  'setup.divisions': (input, ctx) => ctx.divisions.children(input.parentCode),
  'setup.init': (input, ctx) => initTownship(ctx, input),
};
