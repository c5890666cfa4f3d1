import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { PartyGroup } from '../../../../shared/api/org';
import { api } from '../../api/client';
import { clearErrorsOnChange, useApiError } from '../../hooks/useApiError';

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
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(true);
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await api.org.savePartyGroup({
        id: group?.id,
        gridId,
        name: v.name ?? '',
        leaderName: v.leaderName ?? null,
        memberCount: v.memberCount as number,
      });
      message.success(`已保存党小组「${saved.name}」`);
      onSaved();
      setOpen(false);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={group ? '编辑党小组' : '新增党小组'}
      open={open}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={440}
    >
      <Form<Values>
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        name="partyGroup"
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={group ?? { memberCount: undefined }}
        onFinish={submit}
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
      </Form>
    </Modal>
  );
}
