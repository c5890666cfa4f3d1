import { Input, Switch } from 'antd';
import type { Grid, Village } from '../../../../shared/api/org';
import { POST_TYPE_LABELS, POST_TYPES, type PostType } from '../../../../shared/people/posts';
import { FilterSelect } from '../FilterSelect';

export interface PeopleFilter {
  villageId?: string;
  gridId?: string;
  postType?: PostType;
  partyMember?: boolean;
  incompleteOnly: boolean;
  search?: string;
}

interface Props {
  value: PeopleFilter;
  onChange: (next: PeopleFilter) => void;
  villages: Village[];
  grids: Grid[];
}

const PARTY_OPTIONS: { value: 'yes' | 'no'; label: string }[] = [
  { value: 'yes', label: '党员' },
  { value: 'no', label: '非党员' },
];

/** 村（社区）, 网格, 职务, 党员, 仅看待完善, 姓名: the filters of the person list. */
export function PeopleFilters({ value, onChange, villages, grids }: Props) {
  const set = (patch: Partial<PeopleFilter>) => onChange({ ...value, ...patch });
  const shownGrids = value.villageId ? grids.filter((g) => g.villageId === value.villageId) : grids;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <FilterSelect
        label="按村（社区）筛选"
        placeholder="全部村（社区）"
        width={150}
        searchable
        value={value.villageId}
        onChange={(villageId) => set({ villageId, gridId: undefined })}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <FilterSelect
        label="按网格筛选"
        placeholder="全部网格"
        width={170}
        searchable
        value={value.gridId}
        onChange={(gridId) => set({ gridId })}
        options={shownGrids.map((g) => ({
          value: g.id,
          label: value.villageId ? g.name : `${g.villageName} ${g.name}`,
        }))}
      />
      <FilterSelect<PostType>
        label="按职务筛选"
        placeholder="全部职务"
        width={120}
        value={value.postType}
        onChange={(postType) => set({ postType })}
        options={POST_TYPES.map((t) => ({ value: t, label: POST_TYPE_LABELS[t] }))}
      />
      <FilterSelect<'yes' | 'no'>
        label="按党员筛选"
        placeholder="党员/非党员"
        width={120}
        value={value.partyMember === undefined ? undefined : value.partyMember ? 'yes' : 'no'}
        onChange={(v) => set({ partyMember: v === undefined ? undefined : v === 'yes' })}
        options={PARTY_OPTIONS}
      />
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
        <Switch
          size="small"
          aria-label="仅看待完善"
          checked={value.incompleteOnly}
          onChange={(incompleteOnly) => set({ incompleteOnly })}
        />
        仅看待完善
      </label>
      <Input.Search
        allowClear
        aria-label="搜索姓名"
        placeholder="搜索姓名"
        style={{ width: 180 }}
        onSearch={(s) => set({ search: s.trim() || undefined })}
      />
    </div>
  );
}
