import { DatePicker, Select, Space } from 'antd';
import { PERIOD_KIND_OPTIONS, type PeriodKind, type PeriodValue } from './period';

interface Props {
  value: PeriodValue;
  kinds: readonly PeriodKind[];
  onChange: (value: PeriodValue) => void;
}

const PICKER = { month: 'month', quarter: 'quarter', half: 'year', year: 'year' } as const;

/** 月报 / 季报 / 半年报 / 年报 / 自定义期间, then the matching picker. */
export function PeriodPicker({ value, kinds, onChange }: Props) {
  const set = (patch: Partial<PeriodValue>) => onChange({ ...value, ...patch });
  return (
    <Space.Compact>
      <Select
        aria-label="报表期间类型"
        value={value.kind}
        onChange={(kind) => set({ kind })}
        options={PERIOD_KIND_OPTIONS.filter((o) => kinds.includes(o.value))}
        style={{ width: 112 }}
      />
      {value.kind === 'range' ? (
        <DatePicker.RangePicker
          aria-label="统计期间"
          allowClear={false}
          value={value.range}
          onChange={(r) => r?.[0] && r[1] && set({ range: [r[0], r[1]] })}
        />
      ) : (
        <DatePicker
          aria-label="报表期间"
          allowClear={false}
          picker={PICKER[value.kind]}
          value={value.date}
          // Picking another year keeps the half-year chosen beside it.
          onChange={(date) => date && set({ date: value.kind === 'half' ? date.month(value.date.month()) : date })}
          style={{ width: 130 }}
        />
      )}
      {value.kind === 'half' && (
        <Select
          aria-label="上半年或下半年"
          value={value.date.month() < 6 ? 1 : 2}
          onChange={(h) => set({ date: value.date.month(h === 1 ? 0 : 6) })}
          options={[
            { value: 1, label: '上半年' },
            { value: 2, label: '下半年' },
          ]}
          style={{ width: 96 }}
        />
      )}
    </Space.Compact>
  );
}
