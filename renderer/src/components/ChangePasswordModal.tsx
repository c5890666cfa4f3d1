import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { clearErrorsOnChange, useApiError } from '../hooks/useApiError';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码 for the signed-in user. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await api.auth.changePassword({ oldPassword: v.oldPassword ?? '', newPassword: v.newPassword ?? '' });
      message.success('密码已修改，下次登录请使用新密码');
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="修改密码"
      open={open}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => visible || form.resetFields()}
    >
      <Form<Values>
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        name="changePassword"
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item label="原密码" name="oldPassword">
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" extra="至少 8 位">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
