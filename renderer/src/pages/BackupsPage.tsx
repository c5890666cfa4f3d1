import { FolderOpenOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Alert, App, Button, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupEntryInfo } from '../../../shared/api/backups';
import { formatSize } from '../../../shared/cases/attachment-limits';
import { formatDateTime } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import { api } from '../api/client';
import { DataGrid } from '../components/DataGrid';
import { useApiError } from '../hooks/useApiError';
import { useLoader } from '../hooks/useLoader';
import { panelStyle } from '../theme';

type Row = BackupEntryInfo & { id: string };

const columns = (restore: (b: BackupEntryInfo) => void): ColDef<Row>[] => [
  {
    colId: 'kind',
    headerName: '类型',
    valueGetter: (p) => (p.data ? BACKUP_KIND_LABELS[p.data.kind] : ''),
    width: 100,
  },
  { colId: 'at', headerName: '备份时间', valueGetter: (p) => (p.data ? formatDateTime(p.data.at) : ''), width: 150 },
  { colId: 'size', headerName: '大小', valueGetter: (p) => (p.data ? formatSize(p.data.size) : ''), width: 90 },
  {
    colId: 'key',
    headerName: '个人信息密钥',
    valueGetter: (p) => (p.data ? (p.data.hasKey ? '已附带' : '未附带') : ''),
    width: 120,
  },
  { field: 'file', headerName: '文件位置', flex: 1, minWidth: 300, tooltipField: 'file' },
  {
    colId: 'actions',
    headerName: '操作',
    width: 96,
    pinned: 'right',
    cellRenderer: ({ data }: ICellRendererParams<Row>) =>
      data?.hasKey ? (
        <Button size="small" danger onClick={() => restore(data)}>
          恢复
        </Button>
      ) : null,
  },
];

/** How long the app takes to close, restore and reopen its database before the page reloads. */
const RESTART_WAIT_MS = 4000;

/** 数据备份 (管理员): the day's automatic backups, a backup now, and a second folder such as a USB drive. */
export function BackupsPage() {
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const overview = useLoader(() => api.backups.overview({}), 'backups');
  const [busy, setBusy] = useState<'backup' | 'folder' | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const o = overview.data;

  const backupNow = async () => {
    setBusy('backup');
    try {
      const r = await api.backups.create({});
      message.success(`已备份到 ${r.file}`);
      await overview.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const saveFolder = async (value: string | null) => {
    setBusy('folder');
    setFolderError(null);
    try {
      await api.backups.setSecondFolder({ folder: value });
      message.success(value ? '已设置第二备份位置，并已复制现有备份' : '已停止复制到第二备份位置');
      setFolder(null);
      await overview.reload();
    } catch (err) {
      if (err instanceof ApiError && err.issues[0]) setFolderError(err.issues[0].message);
      else showError(err);
    } finally {
      setBusy(null);
    }
  };

  const restore = (b: BackupEntryInfo) =>
    modal.confirm({
      title: '用此备份恢复全部数据？',
      content: (
        <>
          <p>
            备份时间：{formatDateTime(b.at)}（{BACKUP_KIND_LABELS[b.kind]}）
          </p>
          <p>
            当前数据会先另存到备份文件夹，然后被这份备份替换；备份之后录入的内容需要重新录入。恢复后所有人需要重新登录。
          </p>
        </>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.backups.restore({ file: b.file });
          message.loading({ content: '正在恢复，完成后请重新登录…', duration: 0, key: 'restore' });
          setTimeout(() => window.location.reload(), RESTART_WAIT_MS);
        } catch (err) {
          showError(err);
        }
      },
    });

  const shownFolder = folder ?? o?.secondFolder ?? '';
  return (
    <section aria-label="数据备份" style={{ ...panelStyle, flex: 1, minHeight: 0, gap: 12, padding: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          数据备份
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void overview.reload()}>
            刷新
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={busy === 'backup'}
            onClick={() => void backupNow()}
          >
            立即备份
          </Button>
        </Space>
      </div>
      {o?.lastError && <Alert type="error" showIcon message={o.lastError} />}
      {o?.secondFolderError && <Alert type="warning" showIcon message={o.secondFolderError} />}
      {o && (
        <Descriptions
          bordered
          size="small"
          column={2}
          styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'auto',
              label: '自动备份',
              children: '每天第一次启动时备份一次，保留最近 7 天，另每周保留 1 份、共 4 周；附件一并备份',
              span: 2,
            },
            {
              key: 'last',
              label: '最近一次检查',
              children: o.lastRunAt ? formatDateTime(o.lastRunAt) : '本次启动尚未检查',
            },
            {
              key: 'count',
              label: '现有备份',
              children: <span data-testid="backup-count">{o.backups.length} 份</span>,
            },
            {
              key: 'second',
              label: '第二备份位置',
              span: 2,
              children: o.secondFolder ? (
                <code data-testid="backup-second-folder">{o.secondFolder}</code>
              ) : (
                <Tag color="warning">未设置（建议设置到 U 盘或另一块硬盘）</Tag>
              ),
            },
          ]}
        />
      )}
      <Form layout="inline" onFinish={() => void saveFolder(shownFolder.trim() || null)}>
        <Form.Item
          label="第二备份位置"
          validateStatus={folderError ? 'error' : undefined}
          help={folderError ?? '填写 U 盘或另一块硬盘上的文件夹，备份会同时复制到那里'}
          style={{ flex: 1, minWidth: 420 }}
        >
          <Input
            aria-label="第二备份位置"
            prefix={<FolderOpenOutlined aria-hidden />}
            placeholder="例如 E:\综治备份"
            value={shownFolder}
            onChange={(e) => setFolder(e.target.value)}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button htmlType="submit" loading={busy === 'folder'} disabled={!shownFolder.trim()}>
              保存
            </Button>
            {o?.secondFolder && (
              <Button onClick={() => void saveFolder(null)} disabled={busy !== null}>
                停止复制
              </Button>
            )}
          </Space>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        恢复会用所选备份替换全部数据（当前数据先另存）；备份旁的 .pii.key 密钥文件须一同保留。
      </Typography.Text>
      <div style={{ flex: 1, minHeight: 200 }}>
        <DataGrid<Row>
          testId="backup-table"
          rowData={(o?.backups ?? []).map((b) => ({ ...b, id: b.file }))}
          columnDefs={columns(restore)}
          defaultColDef={{ resizable: true }}
          loading={overview.loading && !o}
          emptyText="还没有备份"
        />
      </div>
    </section>
  );
}
