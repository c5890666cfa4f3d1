/**
 * Hashes that open the 事件 list with a filter: `#/cases?states=handling,assigned&quick=thisMonth`.
 * Keys are cases.list's own input names (states comma-separated), the contract the 事件 page reads.
 */
import type { CaseFilter } from '../../../../shared/api/cases';

export function casesHash(filter: CaseFilter): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const value = Array.isArray(v)
        ? v.map((x) => encodeURIComponent(String(x))).join(',')
        : encodeURIComponent(String(v));
      return `${k}=${value}`;
    });
  return `#/cases${parts.length ? `?${parts.join('&')}` : ''}`;
}
