import type { ColDef, ICellRendererParams, IsFullWidthRowParams } from 'ag-grid-community';
import type { RosterLine, RosterVillage } from '../../../../shared/api/people';
import { EDUCATION_LABELS, POLITICAL_STATUS_LABELS, SEX_LABELS } from '../../../../shared/people/codes';
import { POST_TYPE_LABELS, POST_TYPES } from '../../../../shared/people/posts';
import { DataGrid } from '../DataGrid';

/** A village heading, or one roster line under it. */
type Row = { id: string; village?: RosterVillage; line?: RosterLine; seq?: number };

const VillageHeading = ({ data }: ICellRendererParams<Row>) => {
  const v = data?.village;
  if (!v) return null;
  const counts = POST_TYPES.map((t) => `${POST_TYPE_LABELS[t]} ${v.counts[t]}`).join(' · ');
  return (
    <div
      data-testid="roster-village"
      style={{
        display: 'flex',
        alignItems: 'center',
        padding: '0 12px',
        fontWeight: 600,
        background: '#f0f5ff',
        height: '100%',
      }}
    >
      {v.villageName}
      <span style={{ fontWeight: 400, color: '#5b6475', marginInlineStart: 12 }}>
        {v.villageCode} · 共 {v.lines.length} 人次 · {counts}
      </span>
    </div>
  );
};

const text = (f: (l: RosterLine) => string | null) => (p: { data?: Row }) =>
  p.data?.line ? (f(p.data.line) ?? '—') : '';

const COLUMNS: ColDef<Row>[] = [
  { colId: 'seq', headerName: '序号', valueGetter: (p) => p.data?.seq ?? '', width: 58 },
  { colId: 'grid', headerName: '网格', valueGetter: text((l) => l.gridName ?? '（本村）'), width: 122 },
  {
    colId: 'post',
    headerName: '职务',
    valueGetter: text((l) => POST_TYPE_LABELS[l.type] + (l.kind ? `（${l.kind}）` : '')),
    width: 168,
  },
  { colId: 'name', headerName: '姓名', valueGetter: text((l) => l.name), width: 90 },
  { colId: 'sex', headerName: '性别', valueGetter: text((l) => SEX_LABELS[l.sex]), width: 64 },
  { colId: 'birthMonth', headerName: '出生年月', valueGetter: text((l) => l.birthMonth), width: 96 },
  {
    colId: 'idNumber',
    headerName: '身份证号',
    valueGetter: text((l) => l.idNumberMasked),
    width: 168,
    cellStyle: { fontFamily: 'monospace' },
  },
  { colId: 'phone', headerName: '联系电话', valueGetter: text((l) => l.phoneMasked), width: 112 },
  {
    colId: 'politicalStatus',
    headerName: '政治面貌',
    valueGetter: text((l) => (l.politicalStatus ? POLITICAL_STATUS_LABELS[l.politicalStatus] : null)),
    width: 100,
  },
  {
    colId: 'education',
    headerName: '文化程度',
    valueGetter: text((l) => (l.education ? EDUCATION_LABELS[l.education] : null)),
    width: 96,
  },
  { colId: 'startDate', headerName: '任职日期', valueGetter: text((l) => l.startDate), flex: 1, minWidth: 106 },
];

function rowsOf(villages: RosterVillage[]): Row[] {
  return villages.flatMap((v) => [
    { id: `village-${v.villageId}`, village: v },
    ...v.lines.map((line, i) => ({ id: line.id, line, seq: i + 1 })),
  ]);
}

const isHeading = (p: IsFullWidthRowParams<Row>) => Boolean(p.rowNode.data?.village);

/** 花名册 as it will print: village by village, numbered within each, numbers masked. */
export function RosterPreview({ villages, loading }: { villages: RosterVillage[]; loading: boolean }) {
  return (
    <DataGrid<Row>
      testId="roster-preview"
      rowData={rowsOf(villages)}
      columnDefs={COLUMNS}
      defaultColDef={{ resizable: true, sortable: false }}
      isFullWidthRow={isHeading}
      fullWidthCellRenderer={VillageHeading}
      loading={loading}
      emptyText="暂无在任人员"
    />
  );
}
