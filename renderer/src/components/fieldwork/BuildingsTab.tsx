import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import type { Building } from '../../../../shared/api/fieldwork';
import type { Grid, Village } from '../../../../shared/api/org';
import type { Person } from '../../../../shared/api/people';
import { api } from '../../api/client';
import { useConfirmAction } from '../../hooks/useConfirmAction';
import { RevealAction } from '../RevealAction';
import { BuildingModal } from './BuildingModal';
import { BUILDING_COLUMNS } from './columns';
import type { FieldworkFilter } from './fieldworkQuery';
import { PagedTable } from './PagedTable';

interface Props {
  filter: FieldworkFilter;
  villages: Village[];
  grids: Grid[];
  people: Person[];
  can: { edit: boolean; reveal: boolean };
}

/** 楼院采集: the list paged by core, 新增/修改/删除 and the audited reveal of the safety contact's phone. */
export function BuildingsTab({ filter, villages, grids, people, can }: Props) {
  const confirm = useConfirmAction();
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<Building | null>(null);
  const [editing, setEditing] = useState<{ building: Building | null } | null>(null);
  const refresh = () => setVersion((v) => v + 1);

  const fetchPage = useCallback(
    (offset: number, limit: number) => api.buildings.list({ ...filter, offset, limit }),
    // `version` is in the key on purpose: a new function makes the grid fetch again.
    [filter, version],
  );

  const remove = (b: Building) =>
    confirm({
      title: '删除楼院记录',
      content: `确定删除「${b.name}」的采集记录吗？删除后不计入楼院统计。`,
      okText: '删除',
      danger: true,
      success: '已删除楼院记录',
      run: async () => {
        await api.buildings.delete({ id: b.id });
        setSelected(null);
        refresh();
      },
    });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ color: '#8a94a6' }} data-testid="building-count">
          {total === null ? '正在加载…' : `共 ${total} 个小区/楼院`} · 联络人电话已脱敏显示，双击一行修改
        </span>
        <div style={{ flex: 1 }} />
        <Space>
          {can.edit && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ building: null })}>
              新增楼院
            </Button>
          )}
          {can.edit && (
            <Button
              icon={<EditOutlined aria-hidden />}
              disabled={!selected}
              onClick={() => selected && setEditing({ building: selected })}
            >
              修改
            </Button>
          )}
          {can.edit && (
            <Button
              danger
              icon={<DeleteOutlined aria-hidden />}
              disabled={!selected}
              onClick={() => selected && remove(selected)}
            >
              删除
            </Button>
          )}
          {can.reveal && selected?.safetyContactPhoneMasked && (
            <RevealAction
              testId="building-reveal"
              load={() => api.buildings.reveal({ id: selected.id })}
              title={(shown) => `${shown.name} 安全联络人`}
              rows={(shown) => [
                { label: '安全联络人', value: shown.safetyContactName ?? '未登记' },
                { label: '联系电话', value: shown.safetyContactPhone ?? '未登记' },
              ]}
            />
          )}
        </Space>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <PagedTable<Building>
          testId="building-table"
          columns={BUILDING_COLUMNS}
          emptyText="暂无楼院采集记录"
          fetchPage={fetchPage}
          onTotal={setTotal}
          onSelect={setSelected}
          onOpen={(b) => can.edit && setEditing({ building: b })}
        />
      </div>
      {editing && (
        <BuildingModal
          building={editing.building}
          villages={villages}
          grids={grids}
          people={people}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setSelected(saved);
            refresh();
          }}
        />
      )}
    </div>
  );
}
