import type { worklogsApi } from '../../../shared/api/worklogs';
import type { Handlers } from '../context';
import { countWorkLogs } from './counts';
import { createWorkLog, deleteWorkLog, getWorkLog, listWorkLogs, updateWorkLog } from './service';

export const worklogsHandlers: Handlers<typeof worklogsApi> = {
  'worklogs.list': (input, ctx) => listWorkLogs(ctx, input),
  'worklogs.counts': (input, ctx) => countWorkLogs(ctx.db, input),
  'worklogs.get': (input, ctx) => getWorkLog(ctx, input.id),
  'worklogs.create': (input, ctx) => createWorkLog(ctx, input),
  'worklogs.update': (input, ctx) => updateWorkLog(ctx, input),
  'worklogs.delete': (input, ctx) => deleteWorkLog(ctx, input.id),
};
