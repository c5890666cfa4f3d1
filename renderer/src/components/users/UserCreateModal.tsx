import { App, Form, Input, Select } from 'antd';
import type { User } from '../../../../shared/api/schemas';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';

interface Values {
  username?: string;
  displayName?: string;
  role?: Role;
  password?: string;
}

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** 新增用户: username, name, role and an initial password. */
export function UserCreateModal({ onClose, onSaved }: { onClose: () => void; onSaved: (user: User) => void }) {
  const { message } = App.useApp();

  const save = async (v: Values) => {
    const user = await api.users.create({
      username: v.username ?? '',
      displayName: v.displayName ?? '',
      role: v.role ?? ('' as Role),
      password: v.password ?? '',
    });
    message.success(`已新增用户 ${user.username}（${user.displayName}）`);
    onSaved(user);
  };

  return (
    <FormModal<Values>
      title="新增用户"
      name="userCreate"
      initialValues={{ role: 'clerk' }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item label="用户名" name="username" required extra="2–32 位字母、数字、下划线、点或连字符">
        <Input autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" required>
        <Select options={ROLE_OPTIONS} />
      </Form.Item>
      <Form.Item label="初始密码" name="password" required extra="至少 8 位；请告知本人登录后修改">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
