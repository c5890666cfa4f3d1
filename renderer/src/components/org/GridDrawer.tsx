import { App, Descriptions, Drawer, Form, Spin, Tag } from 'antd';
import { DrawerFooter } from '../DrawerFooter';
import { useEffect, useRef, useState } from 'react';
import type { Grid, Village } from '../../../../shared/api/org';
import { formatDateTime } from '../../../../shared/dates';
import { api } from '../../api/client';
import { clearErrorsOnChange } from '../../hooks/useApiError';
import { useFormAction } from '../../hooks/useFormAction';
import { useLoader } from '../../hooks/useLoader';
import { GridTeamCard } from '../people/GridTeamCard';
import { GridFormFields, type GridValues } from './GridFormFields';
import { PartyGroupSection } from './PartyGroupSection';

export type GridDrawerTarget = { mode: 'create'; village: Village } | { mode: 'edit'; gridId: string };

interface Props {
  target: GridDrawerTarget;
  canEdit: boolean;
  onClose: () => void;
  /** After a save, and after party groups change (their count shows in the list). */
  onChanged: (grid?: Grid) => void;
}

const toValues = (g: Grid): GridValues => ({
  type: g.type,
  dedicatedKind: g.dedicatedKind,
  name: g.name,
  households: g.households,
  residents: g.residents,
  partyBranchName: g.partyBranchName,
  partyBranchSecretary: g.partyBranchSecretary,
  remarks: g.remarks,
});

const toInput = (v: GridValues) => ({
  type: v.type,
  dedicatedKind: v.type === 'dedicated' ? (v.dedicatedKind ?? undefined) : null,
  name: v.name ?? '',
  households: v.households as number,
  residents: v.residents as number,
  partyBranchName: v.partyBranchName ?? null,
  partyBranchSecretary: v.partyBranchSecretary ?? null,
  remarks: v.remarks ?? null,
});

/** 新增网格 / 编辑网格: the form, and in edit mode the grid's 党小组. Mounted per target. */
export function GridDrawer({ target, canEdit, onClose, onChanged }: Props) {
  const [form] = Form.useForm<GridValues>();
  const { message } = App.useApp();
  const [open, setOpen] = useState(true);
  const gridId = target.mode === 'edit' ? target.gridId : null;
  const detail = useLoader(() => (gridId ? api.org.getGrid({ id: gridId }) : Promise.resolve(null)), gridId ?? '');
  const grid = detail.data?.grid ?? null;
  const readOnly = !canEdit || grid?.retiredAt != null;

  // Fill the form once; later reloads (after a party group changes) must not undo unsaved edits.
  const filled = useRef(false);
  useEffect(() => {
    if (!grid || filled.current) return;
    form.setFieldsValue(toValues(grid));
    filled.current = true;
  }, [grid, form]);

  const { saving, submit } = useFormAction(form, async (values: GridValues) => {
    const saved =
      target.mode === 'create'
        ? await api.org.createGrid({ villageId: target.village.id, ...toInput(values) })
        : await api.org.updateGrid({ id: target.gridId, ...toInput(values) });
    message.success(
      target.mode === 'create' ? `已新增网格「${saved.name}」，网格编码 ${saved.code}` : `已保存网格 ${saved.code}`,
    );
    onChanged(saved);
    setOpen(false);
  });

  const title =
    target.mode === 'create'
      ? `新增网格 · ${target.village.name}`
      : grid
        ? `${readOnly ? '查看' : '编辑'}网格 · ${grid.name}`
        : '网格';
  const defaultType = target.mode === 'create' && target.village.kind === 'community' ? 'community' : 'village';

  return (
    <Drawer
      title={title}
      open={open}
      size={620}
      onClose={() => setOpen(false)}
      afterOpenChange={(visible) => visible || onClose()}
      footer={
        <DrawerFooter
          readOnly={readOnly}
          saving={saving}
          onCancel={() => setOpen(false)}
          onSave={() => form.submit()}
        />
      }
    >
      <Spin spinning={detail.loading && target.mode === 'edit'}>
        {grid && (
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }} bordered>
            <Descriptions.Item label="网格编码">
              <span data-testid="grid-code">{grid.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              {grid.retiredAt ? <Tag variant="filled">已撤销</Tag> : <Tag color="success">在用</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="所属村（社区）">{grid.villageName}</Descriptions.Item>
            <Descriptions.Item label="更新时间">{formatDateTime(grid.updatedAt)}</Descriptions.Item>
          </Descriptions>
        )}
        {grid && <GridTeamCard gridId={grid.id} community={grid.type === 'community'} />}
        <Form<GridValues>
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          name="grid"
          layout="vertical"
          disabled={readOnly}
          initialValues={{ type: defaultType }}
          onFinish={submit}
        >
          <GridFormFields />
        </Form>
        {grid && detail.data && (
          <PartyGroupSection
            grid={grid}
            groups={detail.data.partyGroups}
            readOnly={readOnly}
            onChanged={() => {
              void detail.reload();
              onChanged();
            }}
          />
        )}
      </Spin>
    </Drawer>
  );
}
