import { Select } from 'antd';
import type { PartyGroupPlace } from '../../../../shared/api/org';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';

interface Props {
  /** Set by Form.Item, so its label points at this control. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

/** Options grouped by village, each labelled with its grid: 第一网格 · 第二党小组. */
function grouped(groups: PartyGroupPlace[]) {
  const byVillage = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const g of groups) {
    const entry = byVillage.get(g.villageId) ?? { label: g.villageName, options: [] };
    entry.options.push({ value: g.id, label: `${g.gridName} · ${g.name}` });
    byVillage.set(g.villageId, entry);
  }
  return [...byVillage.values()];
}

/** 党小组 picker for party members; the township's groups come from the organisation pages. */
export function PartyGroupSelect({ id, value, onChange, disabled }: Props) {
  const groups = useLoader(() => api.org.listPartyGroups({}), 'party-groups');
  const options = grouped(groups.data ?? []);
  return (
    <Select
      id={id}
      allowClear
      disabled={disabled}
      loading={groups.loading}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={groups.data && !groups.data.length ? '尚未设立党小组（在网格中添加）' : '选择所在党小组'}
      options={options}
    />
  );
}
