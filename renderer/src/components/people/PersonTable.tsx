import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag, Tooltip } from 'antd';
import type { Person } from '../../../../shared/api/people';
import { POLITICAL_STATUS_LABELS, SEX_LABELS } from '../../../../shared/people/codes';
import { DataGrid } from '../DataGrid';

const FlagCell = ({ data }: ICellRendererParams<Person>) =>
  data && data.flags.length > 0 ? (
    <Tooltip title={data.flags.join('；')}>
      <Tag color="warning">待完善 {data.flags.length}</Tag>
    </Tooltip>
  ) : null;

const COLUMNS: ColDef<Person>[] = [
  { field: 'name', headerName: '姓名', width: 96, pinned: 'left', sort: 'asc' },
  { colId: 'sex', headerName: '性别', valueGetter: (p) => (p.data ? SEX_LABELS[p.data.sex] : ''), width: 64 },
  { field: 'birthMonth', headerName: '出生年月', width: 96 },
  { field: 'idNumberMasked', headerName: '身份证号', width: 178, cellStyle: { fontFamily: 'monospace' } },
  { field: 'phoneMasked', headerName: '联系电话', width: 130, valueFormatter: (p) => p.value ?? '—' },
  {
    colId: 'politicalStatus',
    headerName: '政治面貌',
    valueGetter: (p) => (p.data?.politicalStatus ? POLITICAL_STATUS_LABELS[p.data.politicalStatus] : ''),
    width: 110,
  },
  {
    colId: 'posts',
    headerName: '现任职务',
    valueGetter: (p) => p.data?.posts.join('；') ?? '',
    tooltipValueGetter: (p) => p.data?.posts.join('\n') ?? '',
    flex: 1,
    minWidth: 220,
  },
  {
    colId: 'flags',
    headerName: '提示',
    valueGetter: (p) => p.data?.flags.join('；') ?? '',
    cellRenderer: FlagCell,
    width: 110,
  },
];

interface Props {
  people: Person[];
  loading: boolean;
  onSelect: (person: Person | null) => void;
  onOpen: (person: Person) => void;
}

/** The person list: masked numbers only; double-click opens the person. */
export function PersonTable({ people, loading, onSelect, onOpen }: Props) {
  return (
    <DataGrid<Person>
      testId="person-table"
      rowData={people}
      columnDefs={COLUMNS}
      defaultColDef={{ resizable: true, sortable: true }}
      loading={loading}
      emptyText="暂无人员"
      rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
      onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
      onRowDoubleClicked={(e) => e.data && onOpen(e.data)}
    />
  );
}
