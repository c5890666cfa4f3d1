import type { ColDef, IDatasource, RowClickedEvent, RowDoubleClickedEvent } from 'ag-grid-community';
import { useMemo } from 'react';
import { useApiError } from '../../hooks/useApiError';
import { DataGrid } from '../DataGrid';

const PAGE = 100;

interface Props<T extends { id: string }> {
  testId: string;
  columns: ColDef<T>[];
  emptyText: string;
  /** One page from core; a new function (new filter) makes the grid fetch again. */
  fetchPage: (offset: number, limit: number) => Promise<{ rows: T[]; total: number }>;
  onTotal: (total: number) => void;
  onSelect: (row: T | null) => void;
  onOpen: (row: T) => void;
}

/** A list paged by core: AG Grid's infinite row model, 100 rows a block, the total from the same call. */
export function PagedTable<T extends { id: string }>({
  testId,
  columns,
  emptyText,
  fetchPage,
  onTotal,
  onSelect,
  onOpen,
}: Props<T>) {
  const showError = useApiError();
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        fetchPage(params.startRow, Math.min(params.endRow - params.startRow, 500))
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
    // onTotal is a state setter; fetchPage carries the filter and the reload version.
    [fetchPage, showError],
  );
  return (
    <DataGrid<T>
      testId={testId}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={PAGE}
      maxBlocksInCache={20}
      columnDefs={columns}
      defaultColDef={{ resizable: true, sortable: false }}
      emptyText={emptyText}
      tooltipShowDelay={300}
      rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
      onRowClicked={(e: RowClickedEvent<T>) => onSelect(e.data ?? null)}
      onRowDoubleClicked={(e: RowDoubleClickedEvent<T>) => e.data && onOpen(e.data)}
    />
  );
}
