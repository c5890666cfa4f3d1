import { App } from 'antd';
import type { CaseDetail, CaseParty } from '../../../../shared/api/cases';
import type { CasePartyRole } from '../../../../shared/cases/parties';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { PartyFields, type PartyValues } from './PartyFields';

interface Props {
  caseId: string;
  /** The party being edited; absent when adding one. */
  party?: CaseParty;
  onClose: () => void;
  onSaved: (detail: CaseDetail) => void;
}

/** 新增当事人 / 修改当事人. On edit the numbers are sent only when typed: the form never holds the full ones. */
export function PartyModal({ caseId, party, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const save = async (v: PartyValues) => {
    const common = { role: v.role as CasePartyRole, name: v.name ?? '', note: v.note || null };
    const typed = (value: string | undefined) => (value?.trim() ? value : undefined);
    const detail = party
      ? await api.cases.updateParty({
          id: party.id,
          ...common,
          idNumber: typed(v.idNumber),
          phone: typed(v.phone),
          address: typed(v.address),
        })
      : await api.cases.addParty({
          caseId,
          ...common,
          idNumber: v.idNumber || null,
          phone: v.phone || null,
          address: v.address || null,
        });
    message.success(party ? `已修改当事人 ${common.name}` : `已新增当事人 ${common.name}`);
    onSaved(detail);
  };
  return (
    <FormModal<PartyValues>
      title={party ? `修改当事人 · ${party.name}` : '新增当事人'}
      name="party"
      width={640}
      initialValues={party ? { role: party.role, name: party.name, note: party.note ?? undefined } : undefined}
      onSave={save}
      onClose={onClose}
    >
      <PartyFields
        masked={party && { idNumber: party.idNumberMasked, phone: party.phoneMasked, address: party.addressMasked }}
      />
    </FormModal>
  );
}
