import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Division } from '../../../shared/api/setup';
import { api } from '../api/client';
import { useApiError } from '../hooks/useApiError';

interface Props {
  id?: string;
  /** '' for provinces, else the 2/4/6-digit parent code; null while the parent is not chosen. */
  parentCode: string | null;
  placeholder: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/** One level of the administrative-division cascade, searchable by name or code. */
export function DivisionSelect({ id, parentCode, placeholder, value, onChange }: Props) {
  const showError = useApiError();
  const [options, setOptions] = useState<Division[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setOptions([]);
    if (parentCode === null) return;
    let live = true;
    setLoading(true);
    api.setup
      .divisions(parentCode ? { parentCode } : {})
      .then((rows) => live && setOptions(rows))
      .catch((err: unknown) => live && showError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [parentCode, showError]);

  return (
    <Select
      id={id}
      value={value}
      onChange={(code: string | undefined) => onChange?.(code)}
      placeholder={placeholder}
      disabled={parentCode === null}
      loading={loading}
      allowClear
      showSearch={{ optionFilterProp: ['label', 'value'] }}
      options={options.map((d) => ({ value: d.code, label: d.name }))}
      notFoundContent={loading ? '正在加载…' : '没有匹配的区划'}
    />
  );
}
