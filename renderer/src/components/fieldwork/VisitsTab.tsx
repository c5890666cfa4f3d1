import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import type { Visit } from '../../../../shared/api/fieldwork';
import type { Grid, Village } from '../../../../shared/api/org';
import type { Person } from '../../../../shared/api/people';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';
import { useConfirmAction } from '../../hooks/useConfirmAction';
import { RevealAction } from '../RevealAction';
import { RegisterCaseModal } from '../cases/RegisterCaseModal';
import { VISIT_COLUMNS } from './columns';
import type { FieldworkFilter } from './fieldworkQuery';
import { PagedTable } from './PagedTable';
import { VisitModal } from './VisitModal';

/** The case happened during the visit: 09:00 that day, or now for a visit made earlier this morning. */
function occurredAtOf(visitedOn: string) {
  const at = dayjs(`${visitedOn}T09:00:00`);
  return at.isAfter(dayjs()) ? dayjs() : at;
}

interface Props {
  filter: FieldworkFilter;
  villages: Village[];
  grids: Grid[];
  people: Person[];
  taxonomy: Taxonomy | undefined;
  can: { edit: boolean; reveal: boolean; registerCase: boolean };
}

/** 入户走访: the list paged by core, 登记/修改/删除, 转为事件 and the audited phone reveal. */
export function VisitsTab({ filter, villages, grids, people, taxonomy, can }: Props) {
  const showError = useApiError();
  const confirm = useConfirmAction();
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [selected, setSelected] = useState<Visit | null>(null);
  const [editing, setEditing] = useState<{ visit: Visit | null } | null>(null);
  const [converting, setConverting] = useState<Visit | null>(null);
  const refresh = () => setVersion((v) => v + 1);

  const fetchPage = useCallback(
    (offset: number, limit: number) => api.visits.list({ ...filter, offset, limit }),
    // `version` is in the key on purpose: a new function makes the grid fetch again.
    [filter, version],
  );

  const remove = (v: Visit) =>
    confirm({
      title: '删除走访记录',
      content: `确定删除 ${v.visitedOn} 对${v.subjectName}的走访记录吗？删除后不计入走访统计。`,
      okText: '删除',
      danger: true,
      success: '已删除走访记录',
      run: async () => {
        await api.visits.delete({ id: v.id });
        setSelected(null);
        refresh();
      },
    });

  /** The case is registered and linked to the visit in one call; the row shows its number. */
  const converted = async (visit: Visit) => {
    try {
      setSelected(await api.visits.get({ id: visit.id }));
    } catch (err) {
      showError(err);
    }
    refresh();
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ color: '#8a94a6' }} data-testid="visit-count">
          {total === null ? '正在加载…' : `共 ${total} 次走访`} · 联系电话已脱敏显示，双击一行修改
        </span>
        <div style={{ flex: 1 }} />
        <Space>
          {can.edit && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ visit: null })}>
              登记走访
            </Button>
          )}
          {can.edit && (
            <Button
              icon={<EditOutlined aria-hidden />}
              disabled={!selected}
              onClick={() => selected && setEditing({ visit: selected })}
            >
              修改
            </Button>
          )}
          {can.registerCase && (
            <Button
              icon={<SendOutlined aria-hidden />}
              disabled={!selected || selected.caseId !== null}
              title={selected?.caseNumber ? `已转为事件 ${selected.caseNumber}` : undefined}
              onClick={() => selected && setConverting(selected)}
            >
              转为事件
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
          {can.reveal && selected?.phoneMasked && (
            <RevealAction
              testId="visit-reveal"
              load={() => api.visits.reveal({ id: selected.id })}
              title={(shown) => `${shown.subjectName} 的联系电话`}
              rows={(shown) => [
                { label: '走访对象', value: shown.subjectName },
                { label: '联系电话', value: shown.phone ?? '未登记' },
              ]}
            />
          )}
        </Space>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <PagedTable<Visit>
          testId="visit-table"
          columns={VISIT_COLUMNS}
          emptyText="暂无走访记录"
          fetchPage={fetchPage}
          onTotal={setTotal}
          onSelect={setSelected}
          onOpen={(v) => can.edit && setEditing({ visit: v })}
        />
      </div>
      {editing && (
        <VisitModal
          visit={editing.visit}
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
      {converting && (
        <RegisterCaseModal
          taxonomy={taxonomy}
          villages={villages}
          grids={grids}
          initial={{
            source: 'visit',
            grid: [converting.villageId, converting.gridId],
            occurredAt: occurredAtOf(converting.visitedOn),
            place: converting.address,
            reporterName: converting.subjectName,
            // The visitor found it.
            discovererId: converting.visitorId,
            summary: converting.issues ?? converting.content,
          }}
          visitId={converting.id}
          onClose={() => setConverting(null)}
          onCreated={() => void converted(converting)}
        />
      )}
    </div>
  );
}
