import type { ApiTable } from '../../../shared/api';
import { auditHandlers } from '../audit/api';
import { authHandlers } from '../auth/api';
import { backupsHandlers, backupsPreparers } from '../backup/api';
import { casesHandlers, casesPreparers } from '../cases/api';
import type { Handlers, Preparers } from '../context';
import { dashboardHandlers } from '../dashboard/api';
import { fieldworkHandlers } from '../fieldwork/api';
import { orgHandlers } from '../org/api';
import { importHandlers, importPreparers, peopleHandlers } from '../people/api';
import { reportsHandlers, reportsPreparers } from '../reports/api';
import { setupHandlers } from '../setup/api';
import { syncHandlers } from '../sync/api';
import { worklogsHandlers } from '../worklogs/api';

/** Every declared method bound to its handler; a missing one fails to compile. */
export const handlers: Handlers<ApiTable> = {
  ...setupHandlers,
  ...authHandlers,
  ...orgHandlers,
  ...peopleHandlers,
  ...importHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...syncHandlers,
  ...casesHandlers,
  ...reportsHandlers,
  ...dashboardHandlers,
  ...fieldworkHandlers,
  ...worklogsHandlers,
};

/** Async steps some methods take before their transaction (reading an uploaded workbook). */
export const preparers: Preparers<ApiTable> = {
  ...importPreparers,
  ...casesPreparers,
  ...reportsPreparers,
  ...backupsPreparers,
};
