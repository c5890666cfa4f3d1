import type { dashboardApi } from '../../../shared/api/dashboard';
import type { Handlers } from '../context';
import { dashboardSummary } from './summary';

export const dashboardHandlers: Handlers<typeof dashboardApi> = {
  'dashboard.summary': (_input, ctx) => dashboardSummary(ctx),
};
