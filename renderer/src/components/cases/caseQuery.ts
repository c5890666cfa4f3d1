import { caseListInputSchema, type CaseListInput } from '../../../../shared/api/cases';

/** The list's filters, named exactly like cases.list's input (the 工作台 links rely on it). */
export type CaseFilter = Partial<
  Pick<
    CaseListInput,
    | 'states'
    | 'gridId'
    | 'villageId'
    | 'categoryCode'
    | 'subcategoryCode'
    | 'source'
    | 'assigneeId'
    | 'quick'
    | 'createdFrom'
    | 'createdTo'
    | 'late'
    | 'onSpot'
    | 'q'
  >
>;

const KEYS = [
  'states',
  'gridId',
  'villageId',
  'categoryCode',
  'subcategoryCode',
  'source',
  'assigneeId',
  'quick',
  'createdFrom',
  'createdTo',
  'late',
  'onSpot',
  'q',
] as const satisfies readonly (keyof CaseFilter)[];

/**
 * Reads `#/cases?quick=overdue&states=handling,assigned`. The hash is outside input: each value is
 * checked with the same schema the server uses and a bad one is dropped, so a stale link still opens.
 */
export function parseCaseQuery(hash: string): CaseFilter {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const filter: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (!raw) continue;
    const value =
      key === 'states'
        ? raw.split(',').filter(Boolean)
        : key === 'late' || key === 'onSpot'
          ? raw === 'true' || (raw === 'false' ? false : raw) // anything else fails the schema
          : raw;
    const parsed = caseListInputSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return filter as CaseFilter;
}

/** The query part for a filter, keys in a fixed order so equal filters give equal links; `states` comma-separated. */
export function caseQueryString(filter: CaseFilter): string {
  const parts: string[] = [];
  for (const key of KEYS) {
    const value = filter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const text = Array.isArray(value) ? value.map(encodeURIComponent).join(',') : encodeURIComponent(String(value));
    parts.push(`${key}=${text}`);
  }
  return parts.join('&');
}

/** The whole hash that opens the 事件 list with a filter (the 工作台's links). */
export function casesHash(filter: CaseFilter): string {
  const query = caseQueryString(filter);
  return `#/cases${query ? `?${query}` : ''}`;
}
