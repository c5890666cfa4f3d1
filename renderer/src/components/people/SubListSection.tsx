import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams, RowStyle } from 'ag-grid-community';
import { Button } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { DataGrid } from '../DataGrid';
import { SectionHeader } from './SectionHeader';

interface Props<T extends { id: string }> {
  title: string;
  summary: string;
  /** 新增任职 / 新增培训; hidden when read-only. */
  addLabel: string;
  onAdd: () => void;
  readOnly: boolean;
  testId: string;
  rows: T[];
  columns: ColDef<T>[];
  /** The 操作 cell of a row (not shown when read-only). */
  action?: (row: T) => ReactNode;
  actionWidth?: number;
  emptyText: string;
  getRowStyle?: (row: T) => RowStyle | undefined;
  /** The section's dialogs. */
  children?: ReactNode;
}

/** A person's sub-list in the drawer (任职, 培训记录): a titled, sized grid with an add button and row actions. */
export function SubListSection<T extends { id: string }>({
  title,
  summary,
  addLabel,
  onAdd,
  readOnly,
  testId,
  rows,
  columns,
  action,
  actionWidth = 90,
  emptyText,
  getRowStyle,
  children,
}: Props<T>) {
  const columnDefs = useMemo<ColDef<T>[]>(() => {
    if (readOnly || !action) return columns;
    const Action = ({ data }: ICellRendererParams<T>) => (data ? action(data) : null);
    return [...columns, { colId: 'actions', headerName: '操作', cellRenderer: Action, width: actionWidth }];
  }, [readOnly, action, actionWidth, columns]);

  return (
    <section aria-label={title}>
      <SectionHeader
        title={title}
        summary={summary}
        actions={
          !readOnly && (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
              {addLabel}
            </Button>
          )
        }
      />
      <DataGrid<T>
        testId={testId}
        rowData={rows}
        columnDefs={columnDefs}
        // Sized to its rows (at least two), so the drawer scrolls instead of the grid.
        height={40 + Math.max(rows.length, 2) * 36 + 2}
        emptyText={emptyText}
        getRowStyle={getRowStyle && ((p) => (p.data ? getRowStyle(p.data) : undefined))}
      />
      {children}
    </section>
  );
}
