import { App, Form, Input, Select, Switch } from 'antd';
import type { User } from '../../../../shared/api/schemas';
import type { Role } from '../../../../shared/roles';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
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
  const { message } = App.useApp();

  const save = async (v: Values) => {
    const saved = await api.users.update({
      id: user.id,
      displayName: v.displayName ?? '',
      role: v.role,
      disabled: !v.enabled,
      password: v.password ? v.password : undefined,
    });
    message.success(v.password ? `已保存用户 ${saved.username}，密码已重置` : `已保存用户 ${saved.username}`);
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      title={`编辑用户：${user.username}`}
      name="userEdit"
      initialValues={{ displayName: user.displayName, role: user.role, enabled: !user.disabled }}
      onSave={save}
      onClose={onClose}
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
    </FormModal>
  );
}
