import { App, Form, Input } from 'antd';
import { api } from '../api/client';
import { ConfirmPasswordItem } from './ConfirmPasswordItem';
import { FormModal } from './FormModal';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码 for the signed-in user. Mounted per use, so each opening starts with an empty form. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();

  const save = async (v: Values) => {
    await api.auth.changePassword({ oldPassword: v.oldPassword ?? '', newPassword: v.newPassword ?? '' });
    message.success('密码已修改，下次登录请使用新密码');
  };

  return (
    <FormModal<Values> title="修改密码" name="changePassword" onSave={save} onClose={onClose}>
      <Form.Item label="原密码" name="oldPassword">
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" extra="至少 8 位">
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordItem label="确认新密码" of="newPassword" />
    </FormModal>
  );
}
