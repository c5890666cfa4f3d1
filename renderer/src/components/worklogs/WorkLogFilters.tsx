import { Button, DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { WorkLogFilter } from '../../../../shared/api/worklogs';
import type { Grid, Village } from '../../../../shared/api/org';
import { WORK_LOG_KIND_LABELS, WORK_LOG_KINDS, type WorkLogKind } from '../../../../shared/worklogs/codes';
import { FilterSelect } from '../FilterSelect';

interface Props {
  value: Partial<WorkLogFilter>;
  onChange: (next: Partial<WorkLogFilter>) => void;
  villages: Village[];
  grids: Grid[];
}

/** 村（社区）, 网格, 工作类型 and the date range of the 工作日志 list. */
export function WorkLogFilters({ value, onChange, villages, grids }: Props) {
  const set = (patch: Partial<WorkLogFilter>) => onChange({ ...value, ...patch });
  const shownGrids = value.villageId ? grids.filter((g) => g.villageId === value.villageId) : grids;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <FilterSelect
        id="worklog-filter-villageId"
        label="按村（社区）筛选"
        placeholder="全部村（社区）"
        width={150}
        searchable
        value={value.villageId}
        onChange={(villageId) => set({ villageId, gridId: undefined })}
        options={villages.map((v) => ({ value: v.id, label: v.name }))}
      />
      <FilterSelect
        id="worklog-filter-gridId"
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
      <FilterSelect<WorkLogKind>
        id="worklog-filter-kind"
        label="按工作类型筛选"
        placeholder="全部类型"
        width={170}
        value={value.kind}
        onChange={(kind) => set({ kind })}
        options={WORK_LOG_KINDS.map((k) => ({ value: k, label: WORK_LOG_KIND_LABELS[k] }))}
      />
      <DatePicker.RangePicker
        aria-label="按工作日期筛选"
        placeholder={['起始日期', '截止日期']}
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
      <Button type="link" onClick={() => onChange({})}>
        清除筛选
      </Button>
    </div>
  );
}
