import { auditApi } from './audit';
import { backupsApi } from './backups';
import { casesApi } from './cases';
import { dashboardApi } from './dashboard';
import { fieldworkApi } from './fieldwork';
import { authApi } from './auth';
import { orgApi } from './org';
import { importApi, peopleApi } from './people';
import { reportsApi } from './reports';
import { setupApi } from './setup';
import { syncApi } from './sync';
import { worklogsApi } from './worklogs';

/** The contract between renderer and main: every method, declared once. */
export const apiTable = {
  ...setupApi,
  ...authApi,
  ...orgApi,
  ...peopleApi,
  ...importApi,
  ...auditApi,
  ...backupsApi,
  ...syncApi,
  ...casesApi,
  ...reportsApi,
  ...dashboardApi,
  ...fieldworkApi,
  ...worklogsApi,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;
