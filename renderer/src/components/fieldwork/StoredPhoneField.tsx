import { Checkbox, Form, Input } from 'antd';

/** The form field beside a stored phone that asks to remove it (`<name>Clear`). */
export const clearFieldOf = (name: string) => `${name}Clear`;

/**
 * What a save sends for a sealed phone: the typed number, null to remove the stored one, or nothing
 * (undefined) to keep it — the field starts empty, as the stored number is only shown masked.
 */
export function storedPhoneInput(typed: string | undefined, clear: boolean | undefined): string | null | undefined {
  if (clear) return null;
  return typed?.trim() ? typed : undefined;
}

interface Props {
  name: string;
  label: string;
  /** The stored number, masked; null when none is on file. */
  masked: string | null | undefined;
  /** Editing a stored record (false: a new one). */
  editing: boolean;
}

/**
 * A sealed phone in a form: empty keeps the stored number (shown masked as the hint), a new number
 * replaces it, and 删除已登记的号码 removes it.
 */
export function StoredPhoneField({ name, label, masked, editing }: Props) {
  const form = Form.useFormInstance();
  const clear = Form.useWatch(clearFieldOf(name), form) === true;
  const hint = !editing ? '手机或固定电话' : masked ? `已登记 ${masked}，留空不修改` : '未登记';
  return (
    <>
      <Form.Item name={name} label={label} style={editing && masked ? { marginBottom: 4 } : undefined}>
        <Input autoComplete="off" disabled={clear} placeholder={clear ? '保存后删除已登记的号码' : hint} />
      </Form.Item>
      {editing && masked && (
        <Form.Item name={clearFieldOf(name)} valuePropName="checked">
          <Checkbox onChange={(e) => e.target.checked && form.setFieldValue(name, undefined)}>
            删除已登记的号码
          </Checkbox>
        </Form.Item>
      )}
    </>
  );
}
