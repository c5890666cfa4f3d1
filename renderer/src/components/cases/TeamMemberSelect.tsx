import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { GridTeam } from '../../../../shared/api/people';
import { api } from '../../api/client';

const TEAM_ROLES: [keyof Pick<GridTeam, 'workers' | 'heads' | 'assistants' | 'instructors'>, string][] = [
  ['workers', '网格员'],
  ['heads', '网格长'],
  ['assistants', '网格辅助员'],
  ['instructors', '网格指导员'],
];

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  gridId: string | undefined;
  /** Picks the grid's first 网格员 when nothing is chosen yet (the usual 发现人, 记录人). */
  pickFirst?: boolean;
}

/** One person of the grid's "一长三员", 网格员 first. */
export function TeamMemberSelect({ id, value, onChange, gridId, pickFirst }: Props) {
  const [team, setTeam] = useState<GridTeam | null>(null);
  useEffect(() => {
    let live = true;
    setTeam(null);
    if (gridId) void api.people.teamOfGrid({ gridId }).then((t) => live && setTeam(t));
    return () => {
      live = false;
    };
  }, [gridId]);
  const seen = new Set<string>();
  const options = TEAM_ROLES.flatMap(([key, role]) =>
    (team?.[key] ?? [])
      .filter((m) => !seen.has(m.personId) && seen.add(m.personId))
      .map((m) => ({ value: m.personId, label: `${m.name}（${role}）` })),
  );
  const first = options[0]?.value;
  useEffect(() => {
    if (pickFirst && !value && first) onChange?.(first);
  }, [pickFirst, value, first, onChange]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={gridId ? '请选择本网格人员' : '请先选择网格'}
      disabled={!gridId}
      notFoundContent="该网格还没有“一长三员”，请先在「人员管理」中添加任职"
      options={options}
    />
  );
}
