import type { ColDef, IDatasource, ICellRendererParams, RowClickedEvent } from 'ag-grid-community';
import { useMemo } from 'react';
import { SORT_FIELDS, type CaseSortField, type CaseSummary } from '../../../../shared/api/cases';
import { CASE_SOURCE_LABELS } from '../../../../shared/cases/codes';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';
import { DataGrid } from '../DataGrid';
import type { CaseFilter } from './caseQuery';
import { LightTag, MajorDisputeTag, OnSpotTag, StateTag, SupervisionTag } from './CaseTags';
import { formatTime } from './format';

type Cell = ICellRendererParams<CaseSummary>;

// Only the columns core can sort by with an index are sortable.
const sortable = (field: CaseSortField): Partial<ColDef<CaseSummary>> => ({ sortable: true, colId: field });

const COLUMNS: ColDef<CaseSummary>[] = [
  { field: 'number', headerName: '事件编号', width: 190, cellStyle: { fontFamily: 'monospace' } },
  {
    colId: 'state',
    headerName: '状态',
    width: 170,
    cellRenderer: (p: Cell) =>
      p.data && (
        <>
          <StateTag state={p.data.state} />
          <OnSpotTag onSpot={p.data.onSpot} />
        </>
      ),
  },
  {
    colId: 'light',
    headerName: '时限',
    width: 100,
    cellRenderer: (p: Cell) => p.data && <LightTag light={p.data.light} />,
    tooltipValueGetter: (p) => (p.data?.dueAt ? `截止 ${formatTime(p.data.dueAt)}` : ''),
  },
  {
    field: 'categoryLabel',
    headerName: '事件类别',
    width: 240,
    // 重大矛盾纠纷 stands out in the list as it does in the drawer.
    cellRenderer: (p: Cell) =>
      p.data && (
        <>
          <MajorDisputeTag c={p.data} />
          {p.data.categoryLabel}
        </>
      ),
  },
  {
    colId: 'place',
    headerName: '村（社区）/网格',
    width: 200,
    valueGetter: (p) => (p.data ? `${p.data.villageName} / ${p.data.gridName}` : ''),
  },
  {
    colId: 'source',
    headerName: '来源',
    width: 140,
    valueGetter: (p) => (p.data ? CASE_SOURCE_LABELS[p.data.source] : ''),
  },
  {
    colId: 'discoverer',
    headerName: '发现人',
    width: 110,
    // 群众 is said so; older cases registered before the 发现人 was asked show nothing.
    valueGetter: (p) =>
      p.data?.discovererName ? p.data.discovererName + (p.data.discovererKind === 'public' ? '（群众）' : '') : '',
  },
  { field: 'place', headerName: '发生地点', width: 160 },
  { field: 'summary', headerName: '事件概要', flex: 1, minWidth: 220, tooltipField: 'summary' },
  {
    field: 'occurredAt',
    headerName: '发生时间',
    width: 150,
    valueFormatter: (p) => formatTime(p.value),
    ...sortable('occurredAt'),
  },
  {
    field: 'createdAt',
    headerName: '登记时间',
    width: 150,
    valueFormatter: (p) => formatTime(p.value),
    ...sortable('createdAt'),
    sort: 'desc',
  },
  {
    field: 'dueAt',
    headerName: '截止时间',
    width: 150,
    valueFormatter: (p) => formatTime(p.value),
    ...sortable('dueAt'),
  },
  {
    colId: 'supervision',
    headerName: '督办',
    width: 100,
    cellRenderer: (p: Cell) => p.data && <SupervisionTag level={p.data.supervisionLevel} />,
  },
];

const PAGE = 100;

interface Props {
  filter: CaseFilter;
  /** Changes after a case changed, so the visible rows are fetched again. */
  version: number;
  onTotal: (total: number) => void;
  onOpen: (row: CaseSummary) => void;
}

/** The case list: AG Grid's infinite row model over cases.list, so paging and sorting stay in core. */
export function CaseTable({ filter, version, onTotal, onOpen }: Props) {
  const showError = useApiError();
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const order = params.sortModel[0];
        const sort = SORT_FIELDS.find((f) => f === order?.colId) ?? 'createdAt';
        api.cases
          .list({
            ...filter,
            offset: params.startRow,
            limit: Math.min(params.endRow - params.startRow, 500),
            sort,
            dir: order?.sort ?? 'desc',
          })
          .then(({ rows, total }) => {
            onTotal(total);
            params.successCallback(rows, total);
          })
          .catch((err: unknown) => {
            showError(err);
            params.failCallback();
          });
      },
    }),
    // `version` is in the key on purpose: a new datasource makes the grid fetch again.
    [filter, version, showError],
  );

  return (
    <DataGrid<CaseSummary>
      testId="case-table"
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={PAGE}
      maxBlocksInCache={20}
      columnDefs={COLUMNS}
      defaultColDef={{ resizable: true, sortable: false }}
      emptyText="暂无事件"
      tooltipShowDelay={300}
      onRowClicked={(e: RowClickedEvent<CaseSummary>) => e.data && onOpen(e.data)}
    />
  );
}
