import { Alert } from 'antd';
import type { AuditChain } from '../../../../shared/api/audit';
import { describeAuditBreak } from '../../../../shared/audit/describe';

/** The 操作日志's chain check: a warning naming the first broken entry, nothing while it is whole. */
export function AuditChainAlert({ chain }: { chain: AuditChain | undefined }) {
  if (!chain?.broken) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-chain-broken"
      title="操作日志校验未通过：日志可能被人改动过"
      description={`第一处断点：${describeAuditBreak(chain.broken)}。请保留数据库文件与备份，查明何人何时改动。`}
    />
  );
}
