import { CloudUploadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Alert, App, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { OUTBOX_STATUS_LABELS, type OutboxEntry, type OutboxStatus, type SyncStatus } from '../../../shared/api/sync';
import { formatDateTime } from '../../../shared/dates';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { DataGrid } from '../components/DataGrid';
import { CountyFormModal } from '../components/sync/CountyFormModal';
import { useApiError } from '../hooks/useApiError';
import { useLoader } from '../hooks/useLoader';
import { palette, panelStyle } from '../theme';

const STATUS_COLORS: Record<OutboxStatus, string> = {
  pending: 'gold',
  uploading: 'processing',
  acked: 'success',
  rejected: 'error',
};

const StatusCell = ({ data }: ICellRendererParams<OutboxEntry>) =>
  data ? <Tag color={STATUS_COLORS[data.status]}>{OUTBOX_STATUS_LABELS[data.status]}</Tag> : null;

const time = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : '—');

const COLUMNS: ColDef<OutboxEntry>[] = [
  {
    field: 'id',
    headerName: '批次编号',
    width: 285,
    cellStyle: { fontFamily: 'monospace', fontSize: 12 },
    tooltipField: 'id',
  },
  {
    colId: 'range',
    headerName: '序号范围',
    valueGetter: (p) => (p.data ? `${p.data.seqFrom} – ${p.data.seqTo}` : ''),
    width: 110,
  },
  { field: 'changeCount', headerName: '变更数', width: 80, type: 'rightAligned' },
  { field: 'status', headerName: '状态', cellRenderer: StatusCell, width: 110 },
  { field: 'attempts', headerName: '尝试次数', width: 90, type: 'rightAligned' },
  { colId: 'next', headerName: '下次尝试', valueGetter: (p) => time(p.data?.nextAttemptAt), width: 140 },
  { colId: 'acked', headerName: '县级接收时间', valueGetter: (p) => time(p.data?.ackedAt), width: 140 },
  {
    field: 'lastError',
    headerName: '错误',
    valueFormatter: (p) => p.value ?? '',
    // The whole message, wrapped: it is what the clerk reads out when calling for help.
    wrapText: true,
    autoHeight: true,
    cellStyle: { lineHeight: '20px', paddingTop: 6, paddingBottom: 6 },
    flex: 1,
    minWidth: 220,
  },
];

const POLL_MS = 2000;

function nextText(s: SyncStatus): string {
  if (s.passRunning) return '正在上报…';
  if (!s.countyUrl || !s.countyKeyFingerprint) return '设置县级接收端后开始';
  return s.nextAttemptAt ? formatDateTime(s.nextAttemptAt) : '—';
}

/** 上报: where the township's changes stand with the county, 立即上报, and (管理员) the county's address and key. */
export function SyncPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const status = useLoader(() => api.sync.status({}), 'sync');
  const [polling, setPolling] = useState(false);
  const [pushing, setPushing] = useState(false);
  const [settings, setSettings] = useState(false);
  const s = status.data;
  const running = polling || Boolean(s?.passRunning);

  // While a pass runs, look again every 2 s; stop once the core says it is over.
  const { reload } = status;
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [polling, reload]);
  useEffect(() => {
    if (polling && s && !s.passRunning) {
      setPolling(false);
      if (s.lastError) message.warning(`上报未完成：${s.lastError}`);
      else if (s.pendingChanges === 0) message.success('上报完成，县级已全部收到');
    }
  }, [polling, s, message]);

  const pushNow = async () => {
    setPushing(true);
    try {
      const r = await api.sync.pushNow({});
      if (!r.started) message.info('本程序未运行上报计划，请用命令行 push 上报');
      else {
        await reload();
        setPolling(true);
      }
    } catch (err) {
      showError(err);
    } finally {
      setPushing(false);
    }
  };

  return (
    <section aria-label="上报" style={{ ...panelStyle, flex: 1, minHeight: 0, gap: 12, padding: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          上报县综治中心
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void reload()}>
            刷新
          </Button>
          {user.role === 'admin' && (
            <Button icon={<SettingOutlined aria-hidden />} onClick={() => setSettings(true)} disabled={!s}>
              设置县级接收端
            </Button>
          )}
          <Button
            type="primary"
            icon={<CloudUploadOutlined aria-hidden />}
            loading={pushing || running}
            onClick={() => void pushNow()}
            data-testid="push-now"
          >
            {running ? '正在上报' : '立即上报'}
          </Button>
        </Space>
      </div>

      {s && (
        <Descriptions
          bordered
          size="small"
          column={3}
          data-testid="sync-summary"
          styles={{ label: { width: 130, whiteSpace: 'nowrap' }, content: { whiteSpace: 'nowrap' } }}
          items={[
            {
              key: 'last',
              label: '上次成功上报',
              children: (
                <span data-testid="sync-last-success">
                  {s.lastSuccessAt ? formatDateTime(s.lastSuccessAt) : '尚未成功上报'}
                </span>
              ),
            },
            {
              key: 'pending',
              label: '待上报变更数',
              children: (
                <span
                  data-testid="sync-pending"
                  style={{ fontWeight: 600, color: s.pendingChanges ? palette.red : undefined }}
                >
                  {s.pendingChanges}
                </span>
              ),
            },
            { key: 'next', label: '下次尝试', children: <span data-testid="sync-next">{nextText(s)}</span> },
            {
              key: 'url',
              label: '县级服务器地址',
              span: 2,
              children: s.countyUrl ? (
                <span data-testid="sync-county-url">{s.countyUrl}</span>
              ) : (
                <Tag color="warning">尚未设置</Tag>
              ),
            },
            { key: 'interval', label: '自动上报', children: `每 ${s.intervalMinutes} 分钟` },
            {
              key: 'countyKey',
              label: '县级公钥指纹',
              span: 3,
              children: s.countyKeyFingerprint ? (
                <code data-testid="sync-county-fingerprint">{s.countyKeyFingerprint}</code>
              ) : (
                <Tag color="warning">尚未导入</Tag>
              ),
            },
            {
              key: 'ownKey',
              label: '本乡镇密钥指纹',
              span: 3,
              children: (
                <Space size={16} wrap>
                  <code data-testid="sync-township-fingerprint">{s.townshipKeyFingerprint}</code>
                  {user.role === 'admin' && (
                    <Typography.Text
                      copyable={{ text: s.townshipPublicKey, tooltips: ['复制', '已复制'] }}
                      type="secondary"
                    >
                      复制本乡镇公钥（交县综治中心登记）
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}

      {s?.haltedAt && !running && (
        <Alert
          type="error"
          showIcon
          data-testid="sync-halted"
          title="县级拒收了上报包，自动上报已暂停"
          description={`${s.lastError ?? ''}（暂停于 ${new Date(s.haltedAt).toLocaleString('zh-CN')}）`}
        />
      )}
      {s?.lastError && !s.haltedAt && !running && (
        <Alert
          type={s.countyUrl && s.countyKeyFingerprint ? 'error' : 'info'}
          showIcon
          data-testid="sync-error"
          title={
            s.countyUrl && s.countyKeyFingerprint
              ? `上报未完成${s.failures > 1 ? `（已连续失败 ${s.failures} 次）` : ''}：${s.lastError}`
              : `${s.lastError}。${user.role === 'admin' ? '请点「设置县级接收端」。' : '请联系管理员设置县级接收端。'}`
          }
        />
      )}

      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
        <Typography.Text strong>上报包</Typography.Text>
        {s && (
          <Typography.Text type="secondary">
            {s.outboxTotal > s.outbox.length
              ? `共 ${s.outboxTotal} 个，显示最近 ${s.outbox.length} 个`
              : `共 ${s.outboxTotal} 个`}
          </Typography.Text>
        )}
      </div>
      <div style={{ flex: 1, minHeight: 200 }}>
        <DataGrid<OutboxEntry>
          testId="outbox-table"
          rowData={s?.outbox ?? []}
          loading={status.loading && !s}
          columnDefs={COLUMNS}
          defaultColDef={{ resizable: true }}
          emptyText="还没有上报包"
        />
      </div>

      {settings && s && <CountyFormModal status={s} onClose={() => setSettings(false)} onSaved={() => void reload()} />}
    </section>
  );
}
