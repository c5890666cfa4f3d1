import { Descriptions, Tag } from 'antd';
import type { CaseDetail } from '../../../../shared/api/cases';
import {
  CASE_SCALE_LABELS,
  CASE_SOURCE_LABELS,
  CASE_URGENCY_LABELS,
  majorGroundsText,
  DISCOVERER_KIND_LABELS,
} from '../../../../shared/cases/codes';
import { LIMIT_STEP_LABELS, STEP_CLOCK } from '../../../../shared/cases/loop';
import { ContactReveal } from './ContactReveal';
import { LightTag, MajorDisputeTag, OnSpotTag, StateTag, SupervisionTag } from './CaseTags';
import { formatDateZh } from '../../../../shared/dates';
import { formatTime } from './format';

interface Props {
  detail: CaseDetail;
  canReveal: boolean;
}

/** Every field of the case, the contact masked, and where its deadline stands. */
export function CaseFacts({ detail, canReveal }: Props) {
  const c = detail.case;
  const step = STEP_CLOCK[c.state];
  return (
    // Labels on one line: a long value (a 文号 with its 办理时限) must not squeeze them into two.
    <Descriptions
      size="small"
      column={2}
      bordered
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="case-facts"
    >
      <Descriptions.Item label="事件编号">
        <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{c.number}</span>
      </Descriptions.Item>
      <Descriptions.Item label="状态">
        <StateTag state={c.state} />
        <OnSpotTag onSpot={c.onSpot} />
        <SupervisionTag level={c.supervisionLevel} />
        {c.emergency && (
          <Tag color="red" data-testid="case-emergency">
            突发事件
          </Tag>
        )}
        {c.escalatedAt && (
          <Tag color="volcano" title={`提级于 ${formatTime(c.escalatedAt)}`} data-testid="case-escalated">
            已提级
          </Tag>
        )}
        <MajorDisputeTag c={c} />
      </Descriptions.Item>
      <Descriptions.Item label="办理时限" span={2}>
        <span data-testid="case-deadline">
          {c.light && <LightTag light={c.light} />}
          {step && c.dueAt
            ? // A limit of 0 working days (突发事件's 甄别交办) means within the day.
              `${LIMIT_STEP_LABELS[step]}环节 ${c.stepLimitDays ? `${c.stepLimitDays} 个工作日` : '当日内'}` +
              (c.extensionDays > 0 ? `（已延期 ${c.extensionDays} 个工作日）` : '') +
              `，截止 ${formatTime(c.dueAt)}`
            : '当前环节不计时'}
          {c.extensionPending && (
            <Tag color="processing" style={{ marginInlineStart: 8 }}>
              延期申请待审批
            </Tag>
          )}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="事件来源">{CASE_SOURCE_LABELS[c.source]}</Descriptions.Item>
      {c.orderRef && (
        <Descriptions.Item label="交办文号/工单号">
          {c.orderRef}
          {c.orderDueDate && `（办理时限 ${formatDateZh(c.orderDueDate)}）`}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="事件类别">{c.categoryLabel}</Descriptions.Item>
      <Descriptions.Item label="事件规模">{CASE_SCALE_LABELS[c.scale]}</Descriptions.Item>
      {c.dispute && (
        <Descriptions.Item label="重大矛盾纠纷">
          <span data-testid="case-major-grounds">
            {c.majorDispute ? `是（${majorGroundsText(c.majorGrounds)}）` : '否'}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="紧急程度">{CASE_URGENCY_LABELS[c.urgency]}</Descriptions.Item>
      <Descriptions.Item label="村（社区）/网格">
        {c.villageName} / {c.gridName}
      </Descriptions.Item>
      <Descriptions.Item label="涉及人数">{c.peopleInvolved} 人</Descriptions.Item>
      <Descriptions.Item label="发生地点">{c.place}</Descriptions.Item>
      <Descriptions.Item label="发生时间">{formatTime(c.occurredAt)}</Descriptions.Item>
      <Descriptions.Item label="发现人">
        <span data-testid="case-discoverer">
          {c.discovererName ? `${c.discovererName}（${DISCOVERER_KIND_LABELS[c.discovererKind ?? 'public']}）` : '—'}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label="报告人">{c.reporterName ?? '未登记'}</Descriptions.Item>
      <Descriptions.Item label="联系电话">
        <span data-testid="case-contact-masked" style={{ marginInlineEnd: 8 }}>
          {c.contactMasked ?? '未登记'}
        </span>
        {canReveal && c.contactMasked && <ContactReveal caseId={c.id} />}
      </Descriptions.Item>
      <Descriptions.Item label="承办方">{c.assigneeLabel ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="登记时间">{formatTime(c.createdAt)}</Descriptions.Item>
      {c.closedAt && <Descriptions.Item label="办结时间">{formatTime(c.closedAt)}</Descriptions.Item>}
      {c.onSpot && c.resolution && (
        <Descriptions.Item label="处置结果" span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</div>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="事件概要" span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</div>
      </Descriptions.Item>
    </Descriptions>
  );
}
