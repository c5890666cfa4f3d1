import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag } from 'antd';
import { GAP_KIND_LABELS, type Gap } from '../../../../shared/api/people';
import { DataGrid } from '../DataGrid';

type Row = Gap & { id: string };

const KindCell = ({ data }: ICellRendererParams<Row>) =>
  data ? <Tag color={data.kind === 'legacy_id' ? 'default' : 'warning'}>{GAP_KIND_LABELS[data.kind]}</Tag> : null;

const COLUMNS: ColDef<Row>[] = [
  {
    colId: 'kind',
    headerName: '类别',
    valueGetter: (p) => (p.data ? GAP_KIND_LABELS[p.data.kind] : ''),
    cellRenderer: KindCell,
    width: 190,
  },
  { field: 'message', headerName: '说明', flex: 1, tooltipField: 'message' },
];

/** 待完善: team gaps and old records, to work through; none of them blocks a save. */
export function GapList({
  gaps,
  loading,
  onOpenPerson,
}: {
  gaps: Gap[];
  loading: boolean;
  onOpenPerson: (id: string) => void;
}) {
  const rows = gaps.map((g, i) => ({ ...g, id: `${g.kind}:${g.gridId ?? g.villageId ?? g.personId ?? i}` }));
  return (
    <DataGrid<Row>
      testId="gap-table"
      rowData={rows}
      columnDefs={COLUMNS}
      loading={loading}
      emptyText="没有待完善事项"
      onRowDoubleClicked={(e) => e.data?.personId && onOpenPerson(e.data.personId)}
    />
  );
}
