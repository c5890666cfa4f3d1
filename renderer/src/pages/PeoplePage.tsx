import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space } from 'antd';
import { useRef, useState } from 'react';
import type { Person } from '../../../shared/api/people';
import { api } from '../api/client';
import { permissions, useAuth } from '../auth';
import { PageFrame } from '../components/PageFrame';
import { GapList } from '../components/people/GapList';
import { ImportModal } from '../components/people/ImportModal';
import { PeopleFilters, type PeopleFilter } from '../components/people/PeopleFilters';
import { PersonDrawer, type PersonDrawerTarget } from '../components/people/PersonDrawer';
import { PersonTable } from '../components/people/PersonTable';
import { RosterView } from '../components/people/RosterView';
import { useLoader } from '../hooks/useLoader';

type View = 'list' | 'roster' | 'gaps';

/** 人员管理: the "一长三员" staff with masked numbers, and the 待完善 list. */
export function PeoplePage() {
  const { user } = useAuth();
  const can = permissions(user.role);
  const [view, setView] = useState<View>('list');
  const [filter, setFilter] = useState<PeopleFilter>({ incompleteOnly: false });
  const [selected, setSelected] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);
  const [drawer, setDrawerState] = useState<(PersonDrawerTarget & { openId: number }) | null>(null);
  const openCount = useRef(0);
  const setDrawer = (target: PersonDrawerTarget) => setDrawerState({ ...target, openId: ++openCount.current });

  const people = useLoader(() => api.people.list(filter), JSON.stringify(filter));
  const gaps = useLoader(() => api.people.gaps({}), 'gaps');
  const places = useLoader(
    () => Promise.all([api.org.listVillages({ includeRetired: false }), api.org.listGrids({ includeRetired: false })]),
    'places',
  );
  // Bumped on every change so the 花名册 tab reloads too.
  const [version, setVersion] = useState(0);
  const reload = () => {
    void people.reload();
    void gaps.reload();
    setVersion((n) => n + 1);
  };

  return (
    <PageFrame
      title="人员管理"
      toolbar={
        <Space>
          <Segmented<View>
            aria-label="视图"
            value={view}
            onChange={setView}
            options={[
              { value: 'list', label: '人员名单' },
              { value: 'roster', label: '花名册' },
              { value: 'gaps', label: `待完善（${gaps.data?.length ?? 0}）` },
            ]}
          />
          {can.edit && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ mode: 'create' })}>
              新增人员
            </Button>
          )}
          {can.edit && (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
              导入花名册
            </Button>
          )}
          <Button
            icon={<EditOutlined aria-hidden />}
            disabled={!selected || view !== 'list'}
            onClick={() => selected && setDrawer({ mode: 'edit', personId: selected.id })}
          >
            {can.edit ? '编辑' : '查看'}
          </Button>
        </Space>
      }
    >
      {view === 'list' ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
          <PeopleFilters
            value={filter}
            onChange={setFilter}
            villages={places.data?.[0] ?? []}
            grids={places.data?.[1] ?? []}
          />
          <span style={{ color: '#8a94a6' }} data-testid="person-count">
            共 {people.data?.length ?? 0} 人 · 身份证号、联系电话已脱敏显示
          </span>
          <div style={{ flex: 1, minHeight: 0 }}>
            <PersonTable
              people={people.data ?? []}
              loading={people.loading}
              onSelect={setSelected}
              onOpen={(p) => setDrawer({ mode: 'edit', personId: p.id })}
            />
          </div>
        </div>
      ) : view === 'roster' ? (
        <RosterView villages={places.data?.[0] ?? []} version={version} />
      ) : (
        <GapList
          gaps={gaps.data ?? []}
          loading={gaps.loading}
          onOpenPerson={(personId) => setDrawer({ mode: 'edit', personId })}
        />
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={reload} />}
      {drawer && (
        <PersonDrawer
          key={drawer.openId}
          target={drawer}
          canEdit={can.edit}
          canReveal={can.reveal}
          onClose={() => setDrawerState((current) => (current?.openId === drawer.openId ? null : current))}
          onChanged={reload}
        />
      )}
    </PageFrame>
  );
}
