import { auditApi } from './audit';
import { authApi } from './auth';
import { orgApi } from './org';
import { importApi, peopleApi } from './people';
import { setupApi } from './setup';

/** The contract between renderer and main: every method, declared once. */
export const apiTable = {
  ...setupApi,
  ...authApi,
  ...orgApi,
  ...peopleApi,
  ...importApi,
  ...auditApi,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;
