import { apiTable } from '../../../shared/api';
import { LOGIN_AUDIT_TITLES } from '../auth/throttle';
import { LOOKUP_AUDIT_TITLES } from './lookups';

/** Audited work that is not a contract method (the CLI's own steps). */
const OTHER_TITLES: Record<string, string> = { 'demo.seed': '生成演示数据' };

/** The Chinese name of an audit entry's method, as the log shows it. */
export function auditTitle(method: string): string {
  return (
    (apiTable as Record<string, { title: string } | undefined>)[method]?.title ??
    OTHER_TITLES[method] ??
    LOGIN_AUDIT_TITLES[method] ??
    LOOKUP_AUDIT_TITLES[method] ??
    method
  );
}
