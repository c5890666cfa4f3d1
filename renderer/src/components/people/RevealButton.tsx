import { api } from '../../api/client';
import { RevealAction } from '../RevealAction';

/** 查看完整信息 (管理员、审核人): the full ID number, phone and address; each reveal is in the audit log. */
export function RevealButton({ personId }: { personId: string }) {
  return (
    <RevealAction
      testId="revealed"
      load={() => api.people.reveal({ id: personId })}
      title={(p) => `完整信息 · ${p.name}`}
      rows={(p) => [
        { label: '身份证号', value: <span style={{ fontFamily: 'monospace' }}>{p.idNumber}</span> },
        { label: '联系电话', value: p.phone ?? '未登记' },
        { label: '住址', value: p.address ?? '未登记' },
      ]}
    />
  );
}
