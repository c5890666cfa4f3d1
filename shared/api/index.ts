import { auditApi } from './audit';
import { authApi } from './auth';
import { orgApi } from './org';
import { peopleApi } from './people';
import { setupApi } from './setup';

/** The contract between renderer and main: every method, declared once. */
export const apiTable = {
  ...setupApi,
  ...authApi,
  ...orgApi,
  ...peopleApi,
  ...auditApi,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;
