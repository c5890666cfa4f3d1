import { Button, DatePicker, Input, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import type { Grid, Village } from '../../../../shared/api/org';
import {
  CASE_QUICK_FILTER_LABELS,
  CASE_QUICK_FILTERS,
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  MEDIATION_RESULT_LABELS,
  MEDIATION_RESULTS,
  type CaseQuickFilter,
  type MediationResult,
  type CaseSource,
} from '../../../../shared/cases/codes';
import { CASE_STATE_LABELS, CASE_STATES, type CaseState } from '../../../../shared/cases/loop';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import { FilterSelect } from '../FilterSelect';
import type { CaseFilter } from './caseQuery';

interface Props {
  value: CaseFilter;
  onChange: (next: CaseFilter) => void;
  villages: Village[];
  grids: Grid[];
  taxonomy: Taxonomy | undefined;
}

const ALL = 'all';
/** The `late` filter as a choice: missed a deadline at some point (超期) or kept every one so far. */
type LateChoice = 'late' | 'onTime';
/** The `onSpot` filter as a choice: settled on the spot (就地化解) or walked the loop. */
type OnSpotChoice = 'onSpot' | 'loop';

/**
 * 待我处理 / 即将超期 / 已超期 / 本月 / 待审核, then state, village, grid, category, source, 超期,
 * 就地化解, 调解结果, 登记日期 and a full-text search: every filter a 工作台 or report number opens.
 */
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
      <FilterSelect
        id="case-filter-villageId"
        label="按村（社区）筛选"
        placeholder="全部村（社区）"
        width={150}
        searchable
        value={value.villageId}
        onChange={(villageId) => set({ villageId, gridId: undefined })}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <FilterSelect
        id="case-filter-gridId"
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
      <FilterSelect
        id="case-filter-categoryCode"
        label="按大类筛选"
        placeholder="全部类别"
        width={160}
        searchable
        value={value.categoryCode}
        onChange={(categoryCode) => set({ categoryCode, subcategoryCode: undefined })}
        options={taxonomy?.categories.map((c) => ({ value: c.code, label: c.name })) ?? []}
      />
      {category && (
        <FilterSelect
          id="case-filter-subcategoryCode"
          label="按小类筛选"
          placeholder="全部小类"
          width={160}
          searchable
          value={value.subcategoryCode}
          onChange={(subcategoryCode) => set({ subcategoryCode })}
          options={category.subcategories.map((s) => ({ value: s.code, label: s.name }))}
        />
      )}
      <FilterSelect<CaseSource>
        id="case-filter-source"
        label="按来源筛选"
        placeholder="全部来源"
        width={160}
        value={value.source}
        onChange={(source) => set({ source })}
        options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))}
      />
      <FilterSelect<LateChoice>
        id="case-filter-late"
        label="按是否超期筛选"
        placeholder="超期与否"
        width={130}
        value={value.late === undefined ? undefined : value.late ? 'late' : 'onTime'}
        onChange={(choice) => set({ late: choice === undefined ? undefined : choice === 'late' })}
        options={[
          { value: 'late', label: '曾超期' },
          { value: 'onTime', label: '未超期' },
        ]}
      />
      <FilterSelect<OnSpotChoice>
        id="case-filter-onSpot"
        label="按是否就地化解筛选"
        placeholder="就地化解与否"
        width={140}
        value={value.onSpot === undefined ? undefined : value.onSpot ? 'onSpot' : 'loop'}
        onChange={(choice) => set({ onSpot: choice === undefined ? undefined : choice === 'onSpot' })}
        options={[
          { value: 'onSpot', label: '就地化解' },
          { value: 'loop', label: '非就地化解' },
        ]}
      />
      <FilterSelect<MediationResult>
        id="case-filter-mediationResult"
        label="按调解结果筛选"
        placeholder="全部调解结果"
        width={140}
        value={value.mediationResults?.length === 1 ? value.mediationResults[0] : undefined}
        onChange={(result) => set({ mediationResults: result ? [result] : undefined })}
        options={MEDIATION_RESULTS.map((r) => ({ value: r, label: MEDIATION_RESULT_LABELS[r] }))}
      />
      <FilterSelect<'major' | 'ordinary'>
        id="case-filter-major"
        label="按是否重大矛盾纠纷筛选"
        placeholder="重大矛盾纠纷"
        width={140}
        value={value.majorDispute === undefined ? undefined : value.majorDispute ? 'major' : 'ordinary'}
        onChange={(choice) => set({ majorDispute: choice === undefined ? undefined : choice === 'major' })}
        options={[
          { value: 'major', label: '重大矛盾纠纷' },
          { value: 'ordinary', label: '非重大' },
        ]}
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
