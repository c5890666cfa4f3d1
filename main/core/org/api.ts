import type { orgApi } from '../../../shared/api/org';
import type { Handlers } from '../context';
import * as org from './service';

export const orgHandlers: Handlers<typeof orgApi> = {
  'org.listVillages': (input, ctx) => org.listVillages(ctx, input.includeRetired),
  'org.createVillage': (input, ctx) => org.createVillage(ctx, input),
  'org.updateVillage': (input, ctx) => org.updateVillage(ctx, input),
  'org.setVillageRetired': (input, ctx) => org.setVillageRetired(ctx, input),
  'org.listGrids': (input, ctx) => org.listGrids(ctx, input),
  'org.getGrid': (input, ctx) => org.getGrid(ctx, input.id),
  'org.createGrid': (input, ctx) => org.createGrid(ctx, input),
  'org.updateGrid': (input, ctx) => org.updateGrid(ctx, input),
  'org.setGridRetired': (input, ctx) => org.setGridRetired(ctx, input),
  'org.listPartyGroups': (_input, ctx) => org.listPartyGroups(ctx),
  'org.savePartyGroup': (input, ctx) => org.savePartyGroup(ctx, input),
  'org.deletePartyGroup': (input, ctx) => {
    org.deletePartyGroup(ctx, input.id);
    return {};
  },
};
