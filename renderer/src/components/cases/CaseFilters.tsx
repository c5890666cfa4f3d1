import { Button, DatePicker, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import type { Grid, Village } from '../../../../shared/api/org';
import {
  CASE_QUICK_FILTER_LABELS,
  CASE_QUICK_FILTERS,
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseQuickFilter,
  type CaseSource,
} from '../../../../shared/cases/codes';
import { CASE_STATE_LABELS, CASE_STATES, type CaseState } from '../../../../shared/cases/loop';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import type { CaseFilter } from './caseQuery';

interface Props {
  value: CaseFilter;
  onChange: (next: CaseFilter) => void;
  villages: Village[];
  grids: Grid[];
  taxonomy: Taxonomy | undefined;
}

const ALL = 'all';

/** 待我处理 / 即将超期 / 已超期 / 本月 / 待审核, then state, village, grid, category, source, 登记日期 and a full-text search. */
export function CaseFilters({ value, onChange, villages, grids, taxonomy }: Props) {
  const set = (patch: Partial<CaseFilter>) => onChange({ ...value, ...patch });
  const shownGrids = value.villageId ? grids.filter((g) => g.villageId === value.villageId) : grids;
  const category = taxonomy?.categories.find((c) => c.code === value.categoryCode);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <Segmented<CaseQuickFilter | typeof ALL>
        aria-label="快捷筛选"
        value={value.quick ?? ALL}
        onChange={(q) => set({ quick: q === ALL ? undefined : q })}
        options={[
          { value: ALL, label: '全部' },
          ...CASE_QUICK_FILTERS.map((q) => ({ value: q, label: CASE_QUICK_FILTER_LABELS[q] })),
        ]}
      />
      <Select<CaseState[]>
        mode="multiple"
        allowClear
        id="case-filter-states"
        aria-label="按状态筛选"
        placeholder="全部状态"
        maxTagCount="responsive"
        style={{ width: 200 }}
        value={value.states ?? []}
        onChange={(states) => set({ states: states.length ? states : undefined })}
        options={CASE_STATES.map((s) => ({ value: s, label: CASE_STATE_LABELS[s] }))}
      />
      <Select
        allowClear
        id="case-filter-villageId"
        aria-label="按村（社区）筛选"
        placeholder="全部村（社区）"
        style={{ width: 150 }}
        value={value.villageId}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(villageId?: string) => set({ villageId, gridId: undefined })}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Select
        allowClear
        id="case-filter-gridId"
        aria-label="按网格筛选"
        placeholder="全部网格"
        style={{ width: 170 }}
        value={value.gridId}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(gridId?: string) => set({ gridId })}
        options={shownGrids.map((g) => ({
          value: g.id,
          label: value.villageId ? g.name : `${g.villageName} ${g.name}`,
        }))}
      />
      <Select
        allowClear
        id="case-filter-categoryCode"
        aria-label="按大类筛选"
        placeholder="全部类别"
        style={{ width: 160 }}
        value={value.categoryCode}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(categoryCode?: string) => set({ categoryCode, subcategoryCode: undefined })}
        options={taxonomy?.categories.map((c) => ({ value: c.code, label: c.name })) ?? []}
      />
      {category && (
        <Select
          allowClear
          id="case-filter-subcategoryCode"
          aria-label="按小类筛选"
          placeholder="全部小类"
          style={{ width: 160 }}
          value={value.subcategoryCode}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(subcategoryCode?: string) => set({ subcategoryCode })}
          options={category.subcategories.map((s) => ({ value: s.code, label: s.name }))}
        />
      )}
      <Select<CaseSource>
        allowClear
        id="case-filter-source"
        aria-label="按来源筛选"
        placeholder="全部来源"
        style={{ width: 160 }}
        value={value.source}
        onChange={(source?: CaseSource) => set({ source })}
        options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))}
      />
      <DatePicker.RangePicker
        aria-label="按登记日期筛选"
        placeholder={['登记起始日期', '登记截止日期']}
        style={{ width: 250 }}
        value={[value.createdFrom ? dayjs(value.createdFrom) : null, value.createdTo ? dayjs(value.createdTo) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          set({
            createdFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            createdTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
      />
      <Input.Search
        key={value.q ?? ''} // a link or 清除筛选 replaces what was typed
        aria-label="全文搜索"
        placeholder="搜索概要、地点，如 漏水"
        allowClear
        maxLength={50}
        style={{ width: 230 }}
        defaultValue={value.q}
        onSearch={(text) => set({ q: text.trim() || undefined })}
      />
      <Button type="link" onClick={() => onChange({})}>
        清除筛选
      </Button>
    </div>
  );
}
