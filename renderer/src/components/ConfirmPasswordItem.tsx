import { Form, Input } from 'antd';

/** The `confirm` field: it must repeat the password in the field `of`, and is checked again when that changes. */
export function ConfirmPasswordItem({ label, of }: { label: string; of: string }) {
  return (
    <Form.Item
      label={label}
      name="confirm"
      dependencies={[of]}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_, value) =>
            value === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
