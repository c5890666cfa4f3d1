import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { CaseDetail, CaseParty } from '../../../../shared/api/cases';
import { CASE_PARTY_ROLE_LABELS } from '../../../../shared/cases/parties';
import { FINAL_STATES } from '../../../../shared/cases/loop';
import { SEX_LABELS } from '../../../../shared/people/codes';
import { api } from '../../api/client';
import { useConfirmAction } from '../../hooks/useConfirmAction';
import { SubListSection } from '../people/SubListSection';
import { PartyModal } from './PartyModal';
import { PartyReveal } from './PartyReveal';

interface Props {
  detail: CaseDetail;
  canReveal: boolean;
  onChanged: () => void;
}

const orDash = (p: { value: string | null | undefined }) => p.value || '—';
const RevealCell = ({ data }: ICellRendererParams<CaseParty>) =>
  data && (data.idNumberMasked || data.phoneMasked || data.addressMasked) ? <PartyReveal partyId={data.id} /> : null;

const COLUMNS: ColDef<CaseParty>[] = [
  { field: 'role', headerName: '类型', width: 84, valueFormatter: (p) => CASE_PARTY_ROLE_LABELS[p.data!.role] },
  { field: 'name', headerName: '姓名', width: 84 },
  { field: 'sex', headerName: '性别', width: 56, valueFormatter: (p) => (p.data?.sex ? SEX_LABELS[p.data.sex] : '—') },
  {
    field: 'idNumberMasked',
    headerName: '身份证号',
    width: 170,
    valueFormatter: orDash,
    cellStyle: { fontFamily: 'monospace' },
  },
  { field: 'phoneMasked', headerName: '联系电话', width: 116, valueFormatter: orDash },
  {
    field: 'addressMasked',
    headerName: '住址',
    flex: 1,
    minWidth: 110,
    valueFormatter: orDash,
    tooltipField: 'addressMasked',
  },
  { field: 'note', headerName: '备注', flex: 1, minWidth: 80, valueFormatter: orDash, tooltipField: 'note' },
];

/** 当事人 of a dispute case: numbers masked; 查看完整信息 for 管理员/审核人; editable while the case is open. */
export function PartySection({ detail, canReveal, onChanged }: Props) {
  const confirm = useConfirmAction();
  const [editing, setEditing] = useState<CaseParty | 'new' | null>(null);
  const ended = FINAL_STATES.includes(detail.case.state);
  const columns = useMemo(
    () =>
      canReveal
        ? [...COLUMNS, { colId: 'reveal', headerName: '完整信息', cellRenderer: RevealCell, width: 144 }]
        : COLUMNS,
    [canReveal],
  );

  const action = useCallback(
    (p: CaseParty) => (
      <Space size={0}>
        <Button size="small" type="link" aria-label={`修改当事人 ${p.name}`} onClick={() => setEditing(p)}>
          修改
        </Button>
        <Button
          size="small"
          type="link"
          danger
          aria-label={`删除当事人 ${p.name}`}
          onClick={() =>
            confirm({
              title: '删除当事人',
              content: `确定删除${CASE_PARTY_ROLE_LABELS[p.role]}「${p.name}」吗？办理过程中会留下记录。`,
              okText: '确定删除',
              danger: true,
              run: async () => {
                await api.cases.removeParty({ id: p.id });
                onChanged();
              },
              success: `已删除当事人 ${p.name}`,
            })
          }
        >
          删除
        </Button>
      </Space>
    ),
    [confirm, onChanged],
  );

  return (
    <SubListSection<CaseParty>
      title="当事人"
      summary={`${detail.parties.length} 人`}
      addLabel="新增当事人"
      onAdd={() => setEditing('new')}
      readOnly={ended}
      testId="party-table"
      rows={detail.parties}
      columns={columns}
      action={action}
      actionWidth={96}
      emptyText="尚未登记当事人"
    >
      {editing && (
        <PartyModal
          caseId={detail.case.id}
          party={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      )}
    </SubListSection>
  );
}
