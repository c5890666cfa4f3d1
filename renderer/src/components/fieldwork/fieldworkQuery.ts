import {
  buildingListInputSchema,
  visitListInputSchema,
  type BuildingFilter,
  type VisitFilter,
} from '../../../../shared/api/fieldwork';

export type FieldworkTab = 'visits' | 'buildings';

/** One list's filters, named exactly like its list method's input. */
export type FieldworkFilter = Partial<
  Pick<VisitFilter & BuildingFilter, 'villageId' | 'gridId' | 'from' | 'to' | 'q'>
> &
  Partial<Pick<VisitFilter, 'method'>> &
  Partial<Pick<BuildingFilter, 'kind'>>;

const KEYS = ['villageId', 'gridId', 'from', 'to', 'method', 'kind', 'q'] as const;

const SCHEMAS = {
  visits: visitListInputSchema.shape,
  buildings: buildingListInputSchema.shape,
} as const;

/**
 * Reads `#/fieldwork?tab=buildings&villageId=…&from=2026-01-01`. The hash is outside input: each
 * value is checked with the list method's own schema and a bad one is dropped, so a stale link opens.
 */
export function parseFieldworkQuery(hash: string): { tab: FieldworkTab; filter: FieldworkFilter } {
  const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const tab: FieldworkTab = params.get('tab') === 'buildings' ? 'buildings' : 'visits';
  const shape: Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }> = SCHEMAS[tab];
  const filter: Record<string, unknown> = {};
  for (const key of KEYS) {
    const raw = params.get(key);
    if (!raw || !shape[key]) continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filter[key] = parsed.data;
  }
  return { tab, filter: filter as FieldworkFilter };
}

/** The whole hash for a tab and its filter, keys in a fixed order so equal filters give equal links. */
export function fieldworkHash(tab: FieldworkTab, filter: FieldworkFilter): string {
  const parts = tab === 'buildings' ? ['tab=buildings'] : [];
  for (const key of KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== '') parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return `#/fieldwork${parts.length ? `?${parts.join('&')}` : ''}`;
}
