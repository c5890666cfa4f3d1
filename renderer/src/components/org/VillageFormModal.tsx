import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Village } from '../../../../shared/api/org';
import type { Township } from '../../../../shared/api/setup';
import { VILLAGE_KIND_LABELS } from '../../../../shared/org/codes';
import { api } from '../../api/client';
import { clearErrorsOnChange, useApiError } from '../../hooks/useApiError';

interface Values {
  code: string;
  name: string;
}

interface Props {
  township: Township;
  /** The village to rename; absent to create one. */
  village?: Village;
  onClose: () => void;
  onSaved: (village: Village) => void;
}

/** 新增村（社区） (12-digit code + name) or rename one; the code never changes once given. */
export function VillageFormModal({ township, village, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(true);
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = village
        ? await api.org.updateVillage({ id: village.id, name: v.name ?? '' })
        : await api.org.createVillage({ code: v.code ?? '', name: v.name ?? '' });
      message.success(
        village ? `已保存${saved.name}` : `已新增${VILLAGE_KIND_LABELS[saved.kind]}：${saved.name}（${saved.code}）`,
      );
      onSaved(saved);
      setOpen(false);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={village ? `修改村（社区）名称：${village.code}` : '新增村（社区）'}
      open={open}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
    >
      <Form<Values>
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        name="village"
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={village ? { code: village.code, name: village.name } : { code: township.code }}
        onFinish={submit}
      >
        <Form.Item
          label="村（社区）代码"
          name="code"
          extra={`12 位统计用区划代码：前 9 位为本乡镇代码 ${township.code}；第 10–12 位 001–199 为社区，200–399 为村。`}
        >
          <Input disabled={Boolean(village)} autoComplete="off" autoFocus={!village} />
        </Form.Item>
        <Form.Item label="村（社区）名称" name="name">
          <Input autoComplete="off" autoFocus={Boolean(village)} placeholder="如：玉井村、多福巷社区" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
