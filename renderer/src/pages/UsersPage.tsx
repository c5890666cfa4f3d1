import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../shared/api/schemas';
import { ROLE_LABELS } from '../../../shared/roles';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { DataGrid } from '../components/DataGrid';
import { PageFrame } from '../components/PageFrame';
import { UserCreateModal } from '../components/users/UserCreateModal';
import { UserEditModal } from '../components/users/UserEditModal';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useLoader } from '../hooks/useLoader';

const StatusCell = ({ data }: ICellRendererParams<User>) =>
  data?.disabled ? <Tag color="error">停用</Tag> : <Tag color="success">启用</Tag>;

const COLUMNS: ColDef<User>[] = [
  { field: 'username', headerName: '用户名', width: 200 },
  { field: 'displayName', headerName: '姓名', width: 200 },
  { colId: 'role', headerName: '角色', valueGetter: (p) => (p.data ? ROLE_LABELS[p.data.role] : ''), width: 140 },
  {
    colId: 'status',
    headerName: '状态',
    valueGetter: (p) => (p.data?.disabled ? '停用' : '启用'),
    cellRenderer: StatusCell,
    flex: 1,
  },
];

/** 用户管理 (管理员): local accounts and their roles. */
export function UsersPage() {
  const { user: me } = useAuth();
  const confirm = useConfirmAction();
  const users = useLoader(() => api.users.list({}), 'users');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'create' | 'edit' | null>(null);
  const selected = users.data?.find((u) => u.id === selectedId) ?? null;

  const toggle = (u: User) =>
    confirm({
      title: u.disabled ? '启用用户' : '停用用户',
      content: u.disabled
        ? `确定启用 ${u.displayName}（${u.username}）吗？`
        : `确定停用 ${u.displayName}（${u.username}）吗？停用后不能登录。`,
      okText: u.disabled ? '确定启用' : '确定停用',
      danger: !u.disabled,
      run: async () => {
        await api.users.update({ id: u.id, disabled: !u.disabled });
        await users.reload();
      },
      success: u.disabled ? `已启用 ${u.username}` : `已停用 ${u.username}`,
    });

  return (
    <PageFrame
      title="用户管理"
      toolbar={
        <Space>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>
            新增用户
          </Button>
          <Button icon={<EditOutlined aria-hidden />} disabled={!selected} onClick={() => setDialog('edit')}>
            编辑
          </Button>
          <Button
            danger={!selected?.disabled}
            disabled={!selected || selected.id === me.id}
            onClick={() => selected && toggle(selected)}
          >
            {selected?.disabled ? '启用' : '停用'}
          </Button>
        </Space>
      }
    >
      <DataGrid<User>
        testId="user-table"
        rowData={users.data ?? []}
        loading={users.loading}
        columnDefs={COLUMNS}
        emptyText="暂无用户"
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onSelectionChanged={(e) => setSelectedId(e.api.getSelectedRows()[0]?.id ?? null)}
        onRowDoubleClicked={(e) => {
          if (!e.data) return;
          setSelectedId(e.data.id);
          setDialog('edit');
        }}
      />
      {dialog === 'create' && (
        <UserCreateModal
          onClose={() => setDialog(null)}
          onSaved={(u) => void users.reload().then(() => setSelectedId(u.id))}
        />
      )}
      {dialog === 'edit' && selected && (
        <UserEditModal user={selected} onClose={() => setDialog(null)} onSaved={() => void users.reload()} />
      )}
    </PageFrame>
  );
}
