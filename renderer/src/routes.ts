import { backupsApi } from '../../shared/api/backups';
import { casesApi } from '../../shared/api/cases';
import type { Role } from '../../shared/roles';

export interface RouteDef {
  key: string;
  label: string;
  roles: readonly Role[] | 'all';
}

/** The left menu, in order; a route appears only for the roles that may use it. */
export const ROUTES: RouteDef[] = [
  { key: 'home', label: '工作台', roles: 'all' },
  { key: 'cases', label: '事件', roles: 'all' },
  // 热线受理 registers cases: whoever may call cases.create.
  { key: 'hotline', label: '热线受理', roles: casesApi['cases.create'].access as readonly Role[] },
  { key: 'org', label: '网格与人员', roles: 'all' },
  { key: 'people', label: '人员管理', roles: 'all' },
  { key: 'fieldwork', label: '走访', roles: 'all' },
  { key: 'worklogs', label: '工作日志', roles: 'all' },
  { key: 'reports', label: '报表', roles: 'all' },
  { key: 'users', label: '用户管理', roles: ['admin'] },
  { key: 'backups', label: '数据备份', roles: backupsApi['backups.overview'].access as readonly Role[] },
  { key: 'audit', label: '操作日志', roles: ['admin', 'reviewer'] },
  { key: 'sync', label: '上报', roles: 'all' },
];

export const DEFAULT_ROUTE = 'home';

export function routesFor(role: Role): RouteDef[] {
  return ROUTES.filter((r) => r.roles === 'all' || r.roles.includes(role));
}
