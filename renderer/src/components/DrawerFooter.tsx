import { Button, Space } from 'antd';

interface Props {
  readOnly: boolean;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}

/** The footer of an editing drawer: 取消 (关闭 when read-only) and 保存. */
export function DrawerFooter({ readOnly, saving, onCancel, onSave }: Props) {
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{readOnly ? '关闭' : '取消'}</Button>
      {!readOnly && (
        <Button type="primary" loading={saving} onClick={onSave}>
          保存
        </Button>
      )}
    </Space>
  );
}
