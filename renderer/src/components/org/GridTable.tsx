import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Tag } from 'antd';
import type { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useRef } from 'react';
import type { Grid } from '../../../../shared/api/org';
import { DEDICATED_KIND_LABELS, GRID_TYPE_LABELS } from '../../../../shared/org/grid';
import { DataGrid } from '../DataGrid';

const typeLabel = (g: Grid) =>
  g.type === 'dedicated' && g.dedicatedKind
    ? `${GRID_TYPE_LABELS.dedicated}·${DEDICATED_KIND_LABELS[g.dedicatedKind]}`
    : GRID_TYPE_LABELS[g.type];

const StatusCell = ({ data }: ICellRendererParams<Grid>) =>
  data?.retiredAt ? <Tag variant="filled">已撤销</Tag> : <Tag color="success">在用</Tag>;

const WarningCell = ({ data }: ICellRendererParams<Grid>) =>
  data && data.warnings.length > 0 ? (
    <Tag color="warning" title={data.warnings.join('\n')}>
      超规模指引
    </Tag>
  ) : null;

const number = { type: 'rightAligned', width: 62 } as const;

const COLUMNS: ColDef<Grid>[] = [
  { field: 'code', headerName: '网格编码', width: 142, sort: 'asc' },
  { field: 'name', headerName: '网格名称', flex: 1, minWidth: 84, tooltipField: 'name' },
  { field: 'villageName', headerName: '所属村（社区）', headerTooltip: '所属村（社区）', width: 100 },
  { colId: 'type', headerName: '类型', valueGetter: (p) => (p.data ? typeLabel(p.data) : ''), width: 116 },
  { field: 'households', headerName: '户数', ...number },
  { field: 'residents', headerName: '人口', ...number },
  { field: 'partyBranchName', headerName: '党支部', flex: 1, minWidth: 72, tooltipField: 'partyBranchName' },
  { field: 'partyGroupCount', headerName: '党小组数', ...number, width: 76 },
  {
    colId: 'status',
    headerName: '状态',
    valueGetter: (p) => (p.data?.retiredAt ? '已撤销' : '在用'),
    cellRenderer: StatusCell,
    width: 66,
  },
  {
    colId: 'warnings',
    headerName: '提示',
    valueGetter: (p) => p.data?.warnings.join('；') ?? '',
    cellRenderer: WarningCell,
    width: 96,
  },
];

const COLUMNS_IN_VILLAGE = COLUMNS.filter((c) => c.field !== 'villageName');

interface Props {
  grids: Grid[];
  loading: boolean;
  selectedId: string | null;
  /** Hide 所属村（社区） when the list shows one village only. */
  showVillage: boolean;
  onSelect: (grid: Grid | null) => void;
  onOpen: (grid: Grid) => void;
}

/** The grids of the selected village (or the whole township); double-click opens the drawer. */
export function GridTable({ grids, loading, selectedId, showVillage, onSelect, onOpen }: Props) {
  const gridRef = useRef<AgGridReact<Grid>>(null);
  // A row chosen from outside (a grid just created) is selected and scrolled into view.
  const syncSelection = useCallback(() => {
    const gridApi = gridRef.current?.api;
    const node = selectedId ? gridApi?.getRowNode(selectedId) : undefined;
    if (!gridApi || !node || node.isSelected()) return;
    node.setSelected(true, true);
    gridApi.ensureNodeVisible(node);
  }, [selectedId]);
  useEffect(syncSelection, [syncSelection]);

  return (
    <DataGrid<Grid>
      testId="grid-table"
      gridRef={gridRef}
      onRowDataUpdated={syncSelection}
      rowData={grids}
      columnDefs={showVillage ? COLUMNS : COLUMNS_IN_VILLAGE}
      defaultColDef={{ resizable: true, sortable: true }}
      loading={loading}
      emptyText="暂无网格"
      rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
      onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0] ?? null)}
      onRowDoubleClicked={(e) => e.data && onOpen(e.data)}
      getRowStyle={(p) => (p.data?.retiredAt ? { color: '#8a94a6' } : undefined)}
    />
  );
}
