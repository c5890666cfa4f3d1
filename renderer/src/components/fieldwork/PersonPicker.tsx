import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { GridTeam, Person } from '../../../../shared/api/people';
import { api } from '../../api/client';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The grid whose team is offered first (网格员, then 网格长, 辅助员, 指导员). */
  gridId: string | undefined;
  people: Person[];
  placeholder: string;
}

const TEAM_ROLES: [keyof Pick<GridTeam, 'workers' | 'heads' | 'assistants' | 'instructors'>, string][] = [
  ['workers', '网格员'],
  ['heads', '网格长'],
  ['assistants', '网格辅助员'],
  ['instructors', '网格指导员'],
];

/** A person picker for a form: the chosen grid's "一长三员" first, everyone else after. */
export function PersonPicker({ id, value, onChange, gridId, people, placeholder }: Props) {
  const [team, setTeam] = useState<GridTeam | null>(null);
  useEffect(() => {
    let live = true;
    setTeam(null);
    if (gridId) void api.people.teamOfGrid({ gridId }).then((t) => live && setTeam(t));
    return () => {
      live = false;
    };
  }, [gridId]);

  const mine = new Set<string>();
  const teamOptions = TEAM_ROLES.flatMap(([key, role]) =>
    (team?.[key] ?? [])
      .filter((m) => !mine.has(m.personId) && mine.add(m.personId))
      .map((m) => ({ value: m.personId, label: `${m.name}（${role}）` })),
  );
  const others = people.filter((p) => !mine.has(p.id)).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      options={[
        ...(teamOptions.length ? [{ label: '本网格“一长三员”', options: teamOptions }] : []),
        { label: teamOptions.length ? '其他人员' : '全部人员', options: others },
      ]}
    />
  );
}
