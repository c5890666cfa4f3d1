import type { ColDef } from 'ag-grid-community';
import type { ReportHistoryEntry } from '../../../../shared/api/reports';
import { formatDateTime } from '../../../../shared/dates';
import { DataGrid } from '../DataGrid';

const COLUMNS: ColDef<ReportHistoryEntry>[] = [
  { colId: 'at', headerName: '导出时间', valueGetter: (p) => (p.data ? formatDateTime(p.data.at) : ''), width: 150 },
  { field: 'username', headerName: '导出人', width: 100 },
  { field: 'formName', headerName: '报表', width: 170 },
  { field: 'periodLabel', headerName: '期间', width: 190 },
  { field: 'scopeLabel', headerName: '范围', width: 140 },
  { colId: 'revealed', headerName: '号码', valueGetter: (p) => (p.data?.revealed ? '完整' : '脱敏'), width: 70 },
  { field: 'fileName', headerName: '文件名', flex: 1, minWidth: 220, tooltipField: 'fileName' },
  {
    field: 'sha256',
    headerName: 'SHA-256',
    width: 200,
    tooltipField: 'sha256',
    cellStyle: { fontFamily: 'monospace', fontSize: 12 },
  },
];

/** 导出记录: who exported which form when, with the file's hash to match a printed copy. */
export function ExportHistory({ rows, loading }: { rows: ReportHistoryEntry[]; loading: boolean }) {
  return (
    <DataGrid<ReportHistoryEntry>
      testId="report-history"
      rowData={rows}
      loading={loading}
      columnDefs={COLUMNS}
      defaultColDef={{ resizable: true }}
      emptyText="暂无导出记录"
    />
  );
}
