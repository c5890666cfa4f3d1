import { useState } from 'react';
import type { Village } from '../../../../shared/api/org';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';
import { FilterSelect } from '../FilterSelect';
import { RosterPreview } from './RosterPreview';

/** The 花名册 tab: the whole township or one village, as the roster will read. */
export function RosterView({ villages, version }: { villages: Village[]; version: number }) {
  const [villageId, setVillageId] = useState<string>();
  const roster = useLoader(() => api.people.roster({ villageId }), `${villageId ?? ''}:${version}`);
  const people = new Set(roster.data?.flatMap((v) => v.lines.map((l) => l.personId)));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <FilterSelect
          label="花名册按村（社区）筛选"
          placeholder="全部村（社区）"
          width={160}
          searchable
          value={villageId}
          onChange={setVillageId}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
        <span style={{ color: '#8a94a6' }} data-testid="roster-count">
          {roster.data?.length ?? 0} 个村（社区）· {people.size} 人 · 按村（社区）分组，身份证号、联系电话已脱敏
        </span>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <RosterPreview villages={roster.data ?? []} loading={roster.loading} />
      </div>
    </div>
  );
}
