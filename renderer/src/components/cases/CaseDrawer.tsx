import { Drawer, Spin } from 'antd';
import { useState } from 'react';
import type { LoopAction } from '../../../../shared/cases/loop';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';
import { DrawerFooter } from '../DrawerFooter';
import { SectionHeader } from '../people/SectionHeader';
import { ActionModal } from './ActionModal';
import { CaseActions } from './CaseActions';
import { CaseAttachments } from './CaseAttachments';
import { CaseFacts } from './CaseFacts';
import { CaseTimeline } from './CaseTimeline';
import { EmergencyReportsSection } from './EmergencyReportsSection';
import { MajorDisputeSection } from './MajorDisputeSection';
import { MediationSection } from './MediationSection';
import { PartySection } from './PartySection';

interface Props {
  caseId: string;
  canReveal: boolean;
  onClose: () => void;
  /** A step was taken or something was added: the list refreshes. */
  onChanged: () => void;
}

/** One case: its fields, the actions this role may take, attachments, mediation and the timeline. */
export function CaseDrawer({ caseId, canReveal, onClose, onChanged }: Props) {
  const [open, setOpen] = useState(true);
  const [acting, setActing] = useState<LoopAction | null>(null);
  const [version, setVersion] = useState(0);
  const loaded = useLoader(() => api.cases.get({ id: caseId }), `${caseId}:${version}`);
  const detail = loaded.data;

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  return (
    <Drawer
      title={detail ? `事件 ${detail.case.number}` : '事件详情'}
      open={open}
      // A dispute case's 当事人 table needs the room for its masked numbers.
      size={detail?.case.dispute ? 1040 : 820}
      onClose={() => setOpen(false)}
      afterOpenChange={(visible) => visible || onClose()}
      footer={<DrawerFooter readOnly saving={false} onCancel={() => setOpen(false)} onSave={() => undefined} />}
    >
      <Spin spinning={loaded.loading}>
        {detail && (
          <>
            <CaseFacts detail={detail} canReveal={canReveal} />
            {detail.case.dispute && <PartySection detail={detail} canReveal={canReveal} onChanged={changed} />}
            {detail.case.emergency && (
              <>
                <SectionHeader
                  title="突发事件报告"
                  summary={`${detail.emergencyReports.length} 次，已即时上报县综治中心`}
                />
                <EmergencyReportsSection detail={detail} onChanged={changed} />
              </>
            )}
            <SectionHeader title="办理" />
            <CaseActions actions={detail.actions} onPick={setActing} />
            <SectionHeader title="办理过程" summary={`${detail.events.length} 条记录`} />
            <CaseTimeline events={detail.events} />
            {detail.case.dispute && (
              <>
                <SectionHeader title="调解情况" summary="矛盾纠纷类事件" />
                <MediationSection key={detail.case.updatedAt} detail={detail} onSaved={changed} />
                <SectionHeader title="重大矛盾纠纷" summary={detail.case.majorDispute ? '已认定' : '未认定'} />
                <MajorDisputeSection key={`major-${detail.case.updatedAt}`} detail={detail} onSaved={changed} />
              </>
            )}
            <SectionHeader title="附件" summary={`${detail.attachments.length} 个`} />
            <CaseAttachments caseId={detail.case.id} attachments={detail.attachments} onChanged={changed} />
          </>
        )}
      </Spin>
      {acting && detail && (
        <ActionModal detail={detail} action={acting} onClose={() => setActing(null)} onDone={changed} />
      )}
    </Drawer>
  );
}
