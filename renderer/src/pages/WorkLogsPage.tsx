import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import { worklogsApi, type WorkLog, type WorkLogFilter } from '../../../shared/api/worklogs';
import { WORK_LOG_KIND_LABELS } from '../../../shared/worklogs/codes';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { PageFrame } from '../components/PageFrame';
import { PagedTable } from '../components/fieldwork/PagedTable';
import { WORK_LOG_COLUMNS } from '../components/worklogs/columns';
import { WorkLogFilters } from '../components/worklogs/WorkLogFilters';
import { WorkLogModal } from '../components/worklogs/WorkLogModal';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useLoader } from '../hooks/useLoader';

/** 工作日志: 政策宣传, 社情民意, 矛盾纠纷集中排查 and 便民服务 the grid did, listed by core with filters. */
export function WorkLogsPage() {
  const { user } = useAuth();
  const canEdit = (worklogsApi['worklogs.create'].access as readonly string[]).includes(user.role);
  const confirm = useConfirmAction();
  const [filter, setFilter] = useState<Partial<WorkLogFilter>>({});
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<WorkLog | null>(null);
  const [editing, setEditing] = useState<{ log: WorkLog | null } | null>(null);
  const refresh = () => setVersion((v) => v + 1);

  const refs = useLoader(
    () => Promise.all([api.org.listVillages({ includeRetired: false }), api.org.listGrids({ includeRetired: false })]),
    'worklog-refs',
  );
  const [villages, grids] = refs.data ?? [[], []];

  const fetchPage = useCallback(
    (offset: number, limit: number) => api.worklogs.list({ ...filter, offset, limit }),
    // `version` is in the key on purpose: a new function makes the grid fetch again.
    [filter, version],
  );

  const remove = (log: WorkLog) =>
    confirm({
      title: '删除工作日志',
      content: `确定删除 ${log.workedOn} 的${WORK_LOG_KIND_LABELS[log.kind]}工作日志吗？删除后不计入统计。`,
      okText: '删除',
      danger: true,
      success: '已删除工作日志',
      run: async () => {
        await api.worklogs.delete({ id: log.id });
        setSelected(null);
        refresh();
      },
    });

  return (
    <PageFrame title="工作日志">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
        <WorkLogFilters value={filter} onChange={setFilter} villages={villages} grids={grids} />
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <span style={{ color: '#8a94a6' }} data-testid="worklog-count">
            {total === null ? '正在加载…' : `共 ${total} 条`} · 双击一行修改
          </span>
          <div style={{ flex: 1 }} />
          {canEdit && (
            <Space>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ log: null })}>
                登记工作日志
              </Button>
              <Button
                icon={<EditOutlined aria-hidden />}
                disabled={!selected}
                onClick={() => selected && setEditing({ log: selected })}
              >
                修改
              </Button>
              <Button
                danger
                icon={<DeleteOutlined aria-hidden />}
                disabled={!selected}
                onClick={() => selected && remove(selected)}
              >
                删除
              </Button>
            </Space>
          )}
        </div>
        <div style={{ flex: 1, minHeight: 0 }}>
          <PagedTable<WorkLog>
            testId="worklog-table"
            columns={WORK_LOG_COLUMNS}
            emptyText="暂无工作日志"
            fetchPage={fetchPage}
            onTotal={setTotal}
            onSelect={setSelected}
            onOpen={(log) => canEdit && setEditing({ log })}
          />
        </div>
      </div>
      {editing && (
        <WorkLogModal
          log={editing.log}
          villages={villages}
          grids={grids}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setSelected(saved);
            refresh();
          }}
        />
      )}
    </PageFrame>
  );
}
