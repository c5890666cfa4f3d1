import { Button, DatePicker, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';

export interface SignatureValues {
  preparer: string;
  reviewer: string;
  phone: string;
  date: Dayjs | null;
}

interface Props {
  value: SignatureValues;
  onChange: (value: SignatureValues) => void;
  onSaveDefaults: () => void;
  saving: boolean;
}

/** 填报人、审核人、联系电话 and 填报日期 for this export; the names can be kept as the defaults. */
export function SignatureBar({ value, onChange, onSaveDefaults, saving }: Props) {
  const field = (key: 'preparer' | 'reviewer' | 'phone', label: string, width: number) => (
    <Input
      aria-label={label}
      addonBefore={label}
      value={value[key]}
      maxLength={key === 'phone' ? 30 : 20}
      onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      style={{ width }}
    />
  );
  return (
    <Space wrap size={8}>
      <Typography.Text type="secondary">签署栏</Typography.Text>
      {field('preparer', '填报人', 180)}
      {field('reviewer', '审核人', 180)}
      {field('phone', '联系电话', 220)}
      <DatePicker
        aria-label="填报日期"
        placeholder="填报日期（留空手写）"
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
        style={{ width: 170 }}
      />
      <Button onClick={onSaveDefaults} loading={saving}>
        设为默认签署人
      </Button>
    </Space>
  );
}
