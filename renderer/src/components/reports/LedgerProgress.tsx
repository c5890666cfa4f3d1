import { Progress, Space, Typography } from 'antd';
import type { LedgerJobInfo } from '../../../../shared/api/reports';

/** A running ledger export: rows written of all, as a bar. */
export function LedgerProgress({ job }: { job: LedgerJobInfo }) {
  const percent = job.total ? Math.floor((job.written / job.total) * 100) : 100;
  return (
    <Space style={{ width: '100%' }} aria-label="导出进度">
      <Typography.Text>正在导出 {job.fileName}</Typography.Text>
      <Progress percent={percent} status="active" style={{ width: 320, margin: 0 }} />
      <Typography.Text type="secondary">
        已写入 {job.written} / {job.total} 行
      </Typography.Text>
    </Space>
  );
}
