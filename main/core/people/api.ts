import type { importApi, peopleApi } from '../../../shared/api/people';
import type { Handlers, Preparers } from '../context';
import { commitRoster, prepareRoster, previewRoster } from './import';
import { addPost, endPost } from './posts';
import { rosterByVillage } from './roster';
import * as people from './service';
import { gaps, teamOfGrid } from './team';

export const peopleHandlers: Handlers<typeof peopleApi> = {
  'people.list': (input, ctx) => people.listPeople(ctx, input),
  'people.get': (input, ctx) => people.getPerson(ctx, input.id),
  'people.create': (input, ctx) => people.createPerson(ctx, input),
  'people.update': (input, ctx) => people.updatePerson(ctx, input),
  'people.reveal': (input, ctx) => people.revealPerson(ctx, input.id),
  'people.teamOfGrid': (input, ctx) => teamOfGrid(ctx, input.gridId),
  'people.roster': (input, ctx) => rosterByVillage(ctx, input.villageId),
  'people.gaps': (_input, ctx) => gaps(ctx),
  'posts.add': (input, ctx) => addPost(ctx, input),
  'posts.end': (input, ctx) => endPost(ctx, input),
  'trainings.add': (input, ctx) => people.addTraining(ctx, input),
  'trainings.delete': (input, ctx) => {
    people.deleteTraining(ctx, input.id);
    return {};
  },
};

export const importHandlers: Handlers<typeof importApi> = {
  'people.importPreview': (_input, ctx) => previewRoster(ctx),
  'people.importCommit': (_input, ctx) => commitRoster(ctx),
};

export const importPreparers: Preparers<typeof importApi> = {
  'people.importPreview': prepareRoster,
  'people.importCommit': prepareRoster,
};
