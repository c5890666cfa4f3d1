import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { User } from '../../../../shared/api/schemas';
import type { Role } from '../../../../shared/roles';
import { api } from '../../api/client';
import { clearErrorsOnChange, useApiError } from '../../hooks/useApiError';
import { ROLE_OPTIONS } from './UserCreateModal';

interface Values {
  displayName?: string;
  role?: Role;
  enabled?: boolean;
  password?: string;
}

interface Props {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
}

/** 编辑用户: name, role, 停用/启用, and 重置密码 (left empty, the password stays). */
export function UserEditModal({ user, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(true);
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const saved = await api.users.update({
        id: user.id,
        displayName: v.displayName ?? '',
        role: v.role,
        disabled: !v.enabled,
        password: v.password ? v.password : undefined,
      });
      message.success(v.password ? `已保存用户 ${saved.username}，密码已重置` : `已保存用户 ${saved.username}`);
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
      title={`编辑用户：${user.username}`}
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
        name="userEdit"
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ displayName: user.displayName, role: user.role, enabled: !user.disabled }}
        onFinish={submit}
      >
        <Form.Item label="姓名" name="displayName" required>
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label="角色" name="role" required>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item label="账号状态" name="enabled" valuePropName="checked" extra="停用后该账号不能登录，历史记录保留">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
        <Form.Item label="重置密码" name="password" extra="留空则不修改；至少 8 位">
          <Input.Password autoComplete="new-password" placeholder="新密码" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
