import { App, Form, Input, InputNumber } from 'antd';
import type { PartyGroup } from '../../../../shared/api/org';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';

interface Values {
  name?: string;
  leaderName?: string | null;
  memberCount?: number | null;
}

interface Props {
  gridId: string;
  group?: PartyGroup;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit one 党小组. */
export function PartyGroupModal({ gridId, group, onClose, onSaved }: Props) {
  const { message } = App.useApp();

  const save = async (v: Values) => {
    const saved = await api.org.savePartyGroup({
      id: group?.id,
      gridId,
      name: v.name ?? '',
      leaderName: v.leaderName ?? null,
      memberCount: v.memberCount as number,
    });
    message.success(`已保存党小组「${saved.name}」`);
    onSaved();
  };

  return (
    <FormModal<Values>
      title={group ? '编辑党小组' : '新增党小组'}
      name="partyGroup"
      width={440}
      initialValues={group ?? { memberCount: undefined }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item label="党小组名称" name="name" required>
        <Input autoComplete="off" autoFocus placeholder="如：第一党小组" />
      </Form.Item>
      <Form.Item label="组长" name="leaderName">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="党员人数" name="memberCount" required rules={[{ required: true, message: '请填写党员人数' }]}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} suffix="人" />
      </Form.Item>
    </FormModal>
  );
}
