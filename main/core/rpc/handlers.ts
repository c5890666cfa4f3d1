import type { ApiTable } from '../../../shared/api';
import { auditHandlers } from '../audit/api';
import { authHandlers } from '../auth/api';
import type { Handlers } from '../context';
import { orgHandlers } from '../org/api';
import { setupHandlers } from '../setup/api';
import { syncHandlers } from '../sync/api';

/** Every declared method bound to its handler; a missing one fails to compile. */
export const handlers: Handlers<ApiTable> = {
  ...setupHandlers,
  ...authHandlers,
  ...orgHandlers,
  ...auditHandlers,
  ...syncHandlers,
};
