import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag } from 'antd';
import { IMPORT_STATUS_LABELS, type ImportRow } from '../../../../shared/api/people';
import { EMPLOYMENT_LABELS } from '../../../../shared/people/codes';
import { DataGrid } from '../DataGrid';

type Row = ImportRow & { id: string };

const STATUS_COLORS = { new: 'success', update: 'processing', error: 'error' } as const;

const StatusCell = ({ data }: ICellRendererParams<Row>) =>
  data ? <Tag color={STATUS_COLORS[data.status]}>{IMPORT_STATUS_LABELS[data.status]}</Tag> : null;

const COLUMNS: ColDef<Row>[] = [
  { field: 'row', headerName: '行号', width: 70, type: 'rightAligned' },
  {
    colId: 'status',
    headerName: '结果',
    valueGetter: (p) => (p.data ? IMPORT_STATUS_LABELS[p.data.status] : ''),
    cellRenderer: StatusCell,
    width: 80,
  },
  { field: 'name', headerName: '姓名', width: 90, valueFormatter: (p) => p.value ?? '—' },
  { field: 'idNumberMasked', headerName: '身份证号', width: 170, valueFormatter: (p) => p.value ?? '—' },
  { field: 'grid', headerName: '网格', width: 150, valueFormatter: (p) => p.value ?? '—' },
  {
    colId: 'employment',
    headerName: '专兼职',
    valueGetter: (p) => (p.data?.employment ? EMPLOYMENT_LABELS[p.data.employment] : '—'),
    width: 76,
  },
  {
    colId: 'messages',
    headerName: '说明',
    valueGetter: (p) => p.data?.messages.join('；') ?? '',
    tooltipValueGetter: (p) => p.data?.messages.join('\n') ?? '',
    flex: 1,
    minWidth: 240,
    cellStyle: (p) => (p.data?.status === 'error' ? { color: '#b7282e' } : null),
  },
];

/** The preview of a roster: one line per spreadsheet row, with what the import will do. */
export function ImportRowTable({ rows }: { rows: ImportRow[] }) {
  return (
    <DataGrid<Row>
      testId="import-preview"
      rowData={rows.map((r) => ({ ...r, id: String(r.row) }))}
      columnDefs={COLUMNS}
      defaultColDef={{ resizable: true, sortable: true }}
      height={380}
      emptyText="文件中没有数据行"
    />
  );
}
