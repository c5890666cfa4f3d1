import { api } from '../../api/client';
import { RevealAction } from '../RevealAction';

/** 查看完整信息 of a 当事人 (管理员、审核人): ID number, phone and address; each reveal is in the audit log. */
export function PartyReveal({ partyId }: { partyId: string }) {
  return (
    <RevealAction
      testId="revealed-party"
      load={() => api.cases.revealParty({ id: partyId })}
      title={(p) => `当事人完整信息 · ${p.name}`}
      rows={(p) => [
        { label: '身份证号', value: <span style={{ fontFamily: 'monospace' }}>{p.idNumber ?? '未登记'}</span> },
        { label: '联系电话', value: p.phone ?? '未登记' },
        { label: '住址', value: p.address ?? '未登记' },
      ]}
    />
  );
}
