import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Grid, PartyGroup } from '../../../../shared/api/org';
import { api } from '../../api/client';
import { useConfirmAction } from '../../hooks/useConfirmAction';
import { DataGrid } from '../DataGrid';
import { PartyGroupModal } from './PartyGroupModal';

interface Props {
  grid: Grid;
  groups: PartyGroup[];
  readOnly: boolean;
  onChanged: () => void;
}

/** The grid's 党小组 ("1+1+N": one branch per grid, N groups under it). */
export function PartyGroupSection({ grid, groups, readOnly, onChanged }: Props) {
  const confirm = useConfirmAction();
  const [editing, setEditing] = useState<PartyGroup | 'new' | null>(null);
  const members = groups.reduce((sum, g) => sum + g.memberCount, 0);

  const columns = useMemo<ColDef<PartyGroup>[]>(() => {
    const remove = (g: PartyGroup) =>
      confirm({
        title: '删除党小组',
        content: `确定删除党小组「${g.name}」吗？`,
        okText: '确定删除',
        danger: true,
        run: async () => {
          await api.org.deletePartyGroup({ id: g.id });
          onChanged();
        },
        success: `已删除党小组「${g.name}」`,
      });
    const Actions = ({ data }: ICellRendererParams<PartyGroup>) =>
      data ? (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(data)} aria-label={`编辑党小组 ${data.name}`}>
            编辑
          </Button>
          <Button size="small" type="link" danger onClick={() => remove(data)} aria-label={`删除党小组 ${data.name}`}>
            删除
          </Button>
        </Space>
      ) : null;
    const base: ColDef<PartyGroup>[] = [
      { field: 'name', headerName: '党小组名称', flex: 1, minWidth: 140 },
      { field: 'leaderName', headerName: '组长', width: 110 },
      { field: 'memberCount', headerName: '党员人数', type: 'rightAligned', width: 100 },
    ];
    return readOnly ? base : [...base, { colId: 'actions', headerName: '操作', cellRenderer: Actions, width: 130 }];
  }, [readOnly, confirm, onChanged]);

  return (
    <section aria-label="党小组" style={{ marginTop: 8 }}>
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          党小组
        </Typography.Title>
        <span style={{ color: '#8a94a6', marginInlineStart: 8 }}>
          {groups.length} 个，党员 {members} 人
        </span>
        <div style={{ flex: 1 }} />
        {!readOnly && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            新增党小组
          </Button>
        )}
      </div>
      <DataGrid<PartyGroup>
        testId="party-group-table"
        rowData={groups}
        columnDefs={columns}
        height={40 + Math.max(groups.length, 2) * 36 + 2}
        emptyText="暂无党小组"
      />
      {editing && (
        <PartyGroupModal
          gridId={grid.id}
          group={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      )}
    </section>
  );
}
