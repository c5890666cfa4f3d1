import type { fieldworkApi } from '../../../shared/api/fieldwork';
import type { Handlers } from '../context';
import * as buildings from './buildings';
import * as visits from './visits';

export const fieldworkHandlers: Handlers<typeof fieldworkApi> = {
  'visits.list': (input, ctx) => visits.listVisits(ctx, input),
  'visits.get': (input, ctx) => visits.getVisit(ctx, input.id),
  'visits.create': (input, ctx) => visits.createVisit(ctx, input),
  'visits.update': (input, ctx) => visits.updateVisit(ctx, input),
  'visits.delete': (input, ctx) => visits.deleteVisit(ctx, input.id),
  'visits.reveal': (input, ctx) => visits.revealVisit(ctx, input.id),
  'buildings.list': (input, ctx) => buildings.listBuildings(ctx, input),
  'buildings.get': (input, ctx) => buildings.getBuilding(ctx, input.id),
  'buildings.create': (input, ctx) => buildings.createBuilding(ctx, input),
  'buildings.update': (input, ctx) => buildings.updateBuilding(ctx, input),
  'buildings.delete': (input, ctx) => buildings.deleteBuilding(ctx, input.id),
  'buildings.reveal': (input, ctx) => buildings.revealBuilding(ctx, input.id),
};
