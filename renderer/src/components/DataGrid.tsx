import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { GetRowIdParams } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useCallback, useMemo, type Ref } from 'react';
import { gridTheme } from '../theme';

export type DataGridProps<T extends { id: string }> = AgGridReactProps<T> & {
  /** Shown when there are no rows. */
  emptyText?: string;
  testId?: string;
  gridRef?: Ref<AgGridReact<T>>;
  /** A fixed height; by default the grid fills its parent. */
  height?: number | string;
};

/** Every table in the app: AG Grid with the zh-CN locale, our theme and rows keyed by id. */
export function DataGrid<T extends { id: string }>({
  emptyText = '暂无数据',
  testId,
  gridRef,
  height = '100%',
  ...props
}: DataGridProps<T>) {
  const getRowId = useCallback((p: GetRowIdParams<T>) => p.data.id, []);
  const localeText = useMemo(() => ({ ...AG_GRID_LOCALE_CN, noRowsToShow: emptyText }), [emptyText]);
  return (
    <div data-testid={testId} style={{ height, width: '100%' }}>
      <AgGridReact<T> ref={gridRef} theme={gridTheme} localeText={localeText} getRowId={getRowId} {...props} />
    </div>
  );
}
