import { Button, DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import type { Grid, Village } from '../../../../shared/api/org';
import {
  BUILDING_KIND_LABELS,
  BUILDING_KINDS,
  VISIT_METHOD_LABELS,
  VISIT_METHODS,
  type BuildingKind,
  type VisitMethod,
} from '../../../../shared/fieldwork/codes';
import { FilterSelect } from '../FilterSelect';
import type { FieldworkFilter, FieldworkTab } from './fieldworkQuery';

interface Props {
  tab: FieldworkTab;
  value: FieldworkFilter;
  onChange: (next: FieldworkFilter) => void;
  villages: Village[];
  grids: Grid[];
}

/** 村（社区）, 网格, 走访方式 or 楼院类型, the date range and a text search over one 走访 list. */
export function FieldworkFilters({ tab, value, onChange, villages, grids }: Props) {
  const set = (patch: Partial<FieldworkFilter>) => onChange({ ...value, ...patch });
  const shownGrids = value.villageId ? grids.filter((g) => g.villageId === value.villageId) : grids;
  const day = tab === 'visits' ? '走访' : '采集';
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <FilterSelect
        id="fieldwork-filter-villageId"
        label="按村（社区）筛选"
        placeholder="全部村（社区）"
        width={150}
        searchable
        value={value.villageId}
        onChange={(villageId) => set({ villageId, gridId: undefined })}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <FilterSelect
        id="fieldwork-filter-gridId"
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
      {tab === 'visits' ? (
        <FilterSelect<VisitMethod>
          id="fieldwork-filter-method"
          label="按走访方式筛选"
          placeholder="全部方式"
          width={120}
          value={value.method}
          onChange={(method) => set({ method })}
          options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))}
        />
      ) : (
        <FilterSelect<BuildingKind>
          id="fieldwork-filter-kind"
          label="按楼院类型筛选"
          placeholder="全部类型"
          width={130}
          value={value.kind}
          onChange={(kind) => set({ kind })}
          options={BUILDING_KINDS.map((k) => ({ value: k, label: BUILDING_KIND_LABELS[k] }))}
        />
      )}
      <DatePicker.RangePicker
        aria-label={`按${day}日期筛选`}
        placeholder={[`${day}起始日期`, `${day}截止日期`]}
        style={{ width: 250 }}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          set({
            from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      <Input.Search
        key={`${tab}:${value.q ?? ''}`} // a link or 清除筛选 replaces what was typed
        aria-label="搜索"
        placeholder={tab === 'visits' ? '搜索走访对象、住址、内容' : '搜索名称、地址'}
        allowClear
        maxLength={50}
        style={{ width: 220 }}
        defaultValue={value.q}
        onSearch={(text) => set({ q: text.trim() || undefined })}
      />
      <Button type="link" onClick={() => onChange({})}>
        清除筛选
      </Button>
    </div>
  );
}
