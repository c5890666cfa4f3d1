import { auditApi } from './audit';
import { authApi } from './auth';
import { orgApi } from './org';
import { setupApi } from './setup';
import { syncApi } from './sync';

/** The contract between renderer and main: every method, declared once. */
export const apiTable = {
  ...setupApi,
  ...authApi,
  ...orgApi,
  ...auditApi,
  ...syncApi,
};

export type ApiTable = typeof apiTable;
export type MethodName = keyof ApiTable;
