import { ReloadOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../shared/api/audit';
import { formatDateTime } from '../../../shared/dates';
import { api } from '../api/client';
import { AuditChainAlert } from '../components/audit/AuditChainAlert';
import { DataGrid } from '../components/DataGrid';
import { PageFrame } from '../components/PageFrame';
import { useLoader } from '../hooks/useLoader';

const COLUMNS: ColDef<AuditEntry>[] = [
  { colId: 'at', headerName: '时间', valueGetter: (p) => (p.data ? formatDateTime(p.data.at) : ''), width: 150 },
  { field: 'username', headerName: '用户', valueFormatter: (p) => p.value ?? '—', width: 120 },
  { field: 'title', headerName: '操作', width: 160 },
  {
    field: 'recordLabel',
    headerName: '记录',
    valueGetter: (p) => p.data?.recordLabel ?? p.data?.recordId ?? '',
    tooltipField: 'recordId',
    width: 300,
  },
  {
    field: 'detail',
    headerName: '详情',
    valueFormatter: (p) => p.value ?? '',
    flex: 1,
    minWidth: 200,
    tooltipField: 'detail',
  },
];

const LIMITS = [200, 500, 1000];

/** 操作日志 (管理员、审核人): every write, newest first, and whether the log's hash chain is whole. */
export function AuditPage() {
  const [recordId, setRecordId] = useState('');
  const [limit, setLimit] = useState(200);
  const query = { recordId: recordId || undefined, limit };
  const entries = useLoader(() => api.audit.list(query), JSON.stringify(query));
  // The whole chain is walked once per visit and on 刷新, apart from the list so it never waits.
  const chain = useLoader(() => api.audit.verify({}), 'audit-chain');

  return (
    <PageFrame
      title="操作日志"
      toolbar={
        <Space>
          {chain.data?.whole && (
            <Typography.Text type="secondary" data-testid="audit-chain-whole">
              已校验，共 {chain.data.count} 条，未发现改动
            </Typography.Text>
          )}
          <Input.Search
            allowClear
            aria-label="按记录编号筛选"
            placeholder="按记录编号筛选"
            style={{ width: 300 }}
            onSearch={(v) => setRecordId(v.trim())}
          />
          <Select
            aria-label="显示条数"
            value={limit}
            onChange={setLimit}
            options={LIMITS.map((n) => ({ value: n, label: `最近 ${n} 条` }))}
            style={{ width: 130 }}
          />
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void Promise.all([entries.reload(), chain.reload()])}
          >
            刷新
          </Button>
        </Space>
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
        <AuditChainAlert chain={chain.data} />
        <div style={{ flex: 1, minHeight: 0 }}>
          <DataGrid<AuditEntry>
            testId="audit-table"
            rowData={entries.data ?? []}
            loading={entries.loading}
            columnDefs={COLUMNS}
            defaultColDef={{ resizable: true }}
            emptyText="暂无操作记录"
          />
        </div>
      </div>
    </PageFrame>
  );
}
