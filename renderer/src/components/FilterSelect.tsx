import { Select } from 'antd';

interface Props<V extends string> {
  /** For tests and labels that point at the field. */
  id?: string;
  /** Read by screen readers (按…筛选). */
  label: string;
  /** Shown when nothing is chosen: 全部… */
  placeholder: string;
  width: number;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
  /** Type to narrow the options (long lists: villages, grids). */
  searchable?: boolean;
}

/** One clearable filter above a list; clearing it means "all". */
export function FilterSelect<V extends string>({
  id,
  label,
  placeholder,
  width,
  value,
  onChange,
  options,
  searchable,
}: Props<V>) {
  return (
    <Select<V>
      allowClear
      id={id}
      aria-label={label}
      placeholder={placeholder}
      style={{ width }}
      value={value}
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      onChange={(v?: V) => onChange(v)}
      options={options}
    />
  );
}
