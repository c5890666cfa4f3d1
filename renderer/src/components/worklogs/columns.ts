import type { ColDef } from 'ag-grid-community';
import type { WorkLog } from '../../../../shared/api/worklogs';
import { WORK_LOG_KIND_LABELS } from '../../../../shared/worklogs/codes';

export const WORK_LOG_COLUMNS: ColDef<WorkLog>[] = [
  { field: 'workedOn', headerName: '工作日期', width: 110 },
  {
    colId: 'kind',
    headerName: '工作类型',
    width: 150,
    valueGetter: (p) => (p.data ? WORK_LOG_KIND_LABELS[p.data.kind] : ''),
  },
  {
    colId: 'place',
    headerName: '村（社区）/网格',
    width: 200,
    valueGetter: (p) => (p.data ? `${p.data.villageName} / ${p.data.gridName}` : ''),
  },
  { field: 'workerName', headerName: '记录人', width: 100 },
  { field: 'content', headerName: '工作内容', flex: 1, minWidth: 260, tooltipField: 'content' },
  { field: 'peopleReached', headerName: '覆盖人数', width: 96, type: 'numericColumn' },
];
