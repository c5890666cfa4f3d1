import { api } from '../../api/client';
import { RevealAction } from '../RevealAction';

/** 查看完整信息 (管理员、审核人): the reporter's full contact; each reveal is in the audit log. */
export function ContactReveal({ caseId }: { caseId: string }) {
  return (
    <RevealAction
      testId="revealed-contact"
      load={() => api.cases.revealContact({ id: caseId })}
      title={() => '报告人完整信息'}
      rows={(c) => [
        { label: '报告人', value: c.reporterName ?? '未登记' },
        { label: '联系电话', value: c.contact ?? '未登记' },
      ]}
    />
  );
}
