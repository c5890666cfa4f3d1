import type { MenuProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Grid, Village } from '../../../shared/api/org';
import { api } from '../api/client';
import { permissions, useAuth } from '../auth';
import { GridDrawer, type GridDrawerTarget } from '../components/org/GridDrawer';
import { GridTable } from '../components/org/GridTable';
import { GridToolbar } from '../components/org/GridToolbar';
import { ScopeBar } from '../components/org/ScopeBar';
import { VillageFormModal } from '../components/org/VillageFormModal';
import { VillagePanel } from '../components/org/VillagePanel';
import { useConfirmAction } from '../hooks/useConfirmAction';
import { useLoader } from '../hooks/useLoader';
import { panelStyle } from '../theme';

/** 网格与人员: villages and communities on the left, their grids on the right. */
export function OrgPage() {
  const { user, township } = useAuth();
  const can = permissions(user.role);
  const confirm = useConfirmAction();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [selectedGridId, setSelectedGridId] = useState<string | null>(null);
  // Each opening is its own drawer (own key), so reopening while the last one still animates closed
  // shows a fresh drawer, and the old one's close does not dismiss the new one.
  const [drawer, setDrawerState] = useState<(GridDrawerTarget & { openId: number }) | null>(null);
  const openCount = useRef(0);
  const setDrawer = (target: GridDrawerTarget) => setDrawerState({ ...target, openId: ++openCount.current });
  const [villageForm, setVillageForm] = useState<{ village?: Village } | null>(null);

  const villages = useLoader(() => api.org.listVillages({ includeRetired }), String(includeRetired));
  const gridQuery = { villageId: villageId ?? undefined, search: search || undefined, includeRetired };
  const grids = useLoader(() => api.org.listGrids(gridQuery), JSON.stringify(gridQuery));

  const village = useMemo(() => villages.data?.find((v) => v.id === villageId) ?? null, [villages.data, villageId]);
  const selectedGrid = grids.data?.find((g) => g.id === selectedGridId) ?? null;

  // A village hidden by the 显示已撤销 switch is no longer a valid selection.
  useEffect(() => {
    if (villageId && villages.data && !villages.loading && !village) setVillageId(null);
  }, [villageId, villages.data, villages.loading, village]);

  const reloadAll = useCallback(() => {
    void villages.reload();
    void grids.reload();
  }, [villages, grids]);

  const toggleVillage = (v: Village) => {
    const retire = v.retiredAt === null;
    confirm({
      title: retire ? '撤销村（社区）' : '恢复村（社区）',
      content: retire
        ? `确定撤销「${v.name}」（${v.code}）吗？撤销后其代码保留、不再重复使用；其下在用网格须先撤销。`
        : `确定恢复「${v.name}」（${v.code}）吗？`,
      okText: retire ? '确定撤销' : '确定恢复',
      danger: retire,
      run: async () => {
        await api.org.setVillageRetired({ id: v.id, retired: retire });
        reloadAll();
      },
      success: retire ? `已撤销${v.name}` : `已恢复${v.name}`,
    });
  };

  const toggleGrid = () => {
    if (!selectedGrid) return;
    const g = selectedGrid;
    const retire = g.retiredAt === null;
    confirm({
      title: retire ? '撤销网格' : '恢复网格',
      content: retire
        ? `确定撤销网格「${g.name}」（${g.code}）吗？撤销后编码保留、不再重复使用。`
        : `确定恢复网格「${g.name}」（${g.code}）吗？`,
      okText: retire ? '确定撤销' : '确定恢复',
      danger: retire,
      run: async () => {
        await api.org.setGridRetired({ id: g.id, retired: retire });
        if (retire && !includeRetired) setSelectedGridId(null);
        reloadAll();
      },
      success: retire ? `已撤销网格 ${g.code}` : `已恢复网格 ${g.code}`,
    });
  };

  const menuFor = (v: Village): MenuProps | null => {
    const items: MenuProps['items'] = [];
    if (can.edit && v.retiredAt === null) items.push({ key: 'rename', label: '修改名称' });
    if (can.retireVillage) items.push({ key: 'retire', label: v.retiredAt ? '恢复' : '撤销', danger: !v.retiredAt });
    if (items.length === 0) return null;
    return {
      items,
      onClick: ({ key, domEvent }) => {
        domEvent.stopPropagation();
        if (key === 'rename') setVillageForm({ village: v });
        else toggleVillage(v);
      },
    };
  };

  const createBlocked = !village
    ? '请先在左侧选择一个村（社区）'
    : village.retiredAt
      ? '该村（社区）已撤销，不能新增网格'
      : null;

  return (
    <div style={{ display: 'flex', gap: 16, flex: 1, minHeight: 0 }}>
      <VillagePanel
        township={township}
        villages={villages.data ?? []}
        loading={villages.loading}
        includeRetired={includeRetired}
        onIncludeRetiredChange={setIncludeRetired}
        selectedId={villageId}
        onSelect={(id) => {
          setVillageId(id);
          setSelectedGridId(null);
        }}
        onCreate={can.edit ? () => setVillageForm({}) : undefined}
        menuFor={menuFor}
      />
      <section aria-label="网格列表" style={{ ...panelStyle, flex: 1, minWidth: 0, gap: 12, padding: 12 }}>
        <ScopeBar
          township={township}
          village={village}
          onRename={can.edit ? (v) => setVillageForm({ village: v }) : undefined}
          onToggleRetired={can.retireVillage ? toggleVillage : undefined}
        />
        <GridToolbar
          createBlocked={createBlocked}
          selected={selectedGrid}
          count={grids.data?.length ?? 0}
          onCreate={can.edit ? () => village && setDrawer({ mode: 'create', village }) : undefined}
          onEdit={() => selectedGrid && setDrawer({ mode: 'edit', gridId: selectedGrid.id })}
          onToggleRetired={can.retireGrid ? toggleGrid : undefined}
          onSearch={setSearch}
        />
        <div style={{ flex: 1, minHeight: 0 }}>
          <GridTable
            grids={grids.data ?? []}
            loading={grids.loading}
            selectedId={selectedGridId}
            showVillage={!village}
            onSelect={(g: Grid | null) => setSelectedGridId(g?.id ?? null)}
            onOpen={(g) => setDrawer({ mode: 'edit', gridId: g.id })}
          />
        </div>
      </section>
      {drawer && (
        <GridDrawer
          key={drawer.openId}
          target={drawer}
          canEdit={can.edit}
          onClose={() => setDrawerState((current) => (current?.openId === drawer.openId ? null : current))}
          onChanged={(saved) => {
            if (saved) setSelectedGridId(saved.id);
            reloadAll();
          }}
        />
      )}
      {villageForm && (
        <VillageFormModal
          township={township}
          village={villageForm.village}
          onClose={() => setVillageForm(null)}
          onSaved={(v) => {
            if (!villageForm.village) setVillageId(v.id);
            reloadAll();
          }}
        />
      )}
    </div>
  );
}
