import { Timeline, Typography } from 'antd';
import type { CaseEvent } from '../../../../shared/api/cases';
import { CASE_STATE_LABELS, LOOP_ACTION_LABELS, type LoopAction } from '../../../../shared/cases/loop';
import { formatTime } from './format';

// Timeline rows that are not loop actions.
const OTHER_LABELS: Record<string, string> = {
  register: '登记',
  onSpot: '就地化解',
  mediation: '调解情况',
  majorDispute: '重大矛盾纠纷',
  attach: '上传附件',
  party: '当事人',
  emergency: '突发事件',
  emergencyReport: '突发事件报告',
};

const actionLabel = (action: string) => LOOP_ACTION_LABELS[action as LoopAction] ?? OTHER_LABELS[action] ?? action;

const COLORS: Record<string, string> = {
  sendBack: 'red',
  reject: 'red',
  denyExtension: 'red',
  supervise: 'orange',
  close: 'green',
  onSpot: 'green',
};

/** Who did what and when, oldest first, with the state change each step made. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  return (
    <div data-testid="case-timeline">
      <Timeline
        items={events.map((e) => ({
          key: e.id,
          color: COLORS[e.action] ?? 'blue',
          content: (
            <div data-testid="timeline-entry">
              <div>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {formatTime(e.at)} · {e.actorName}
                  {e.fromState && e.fromState !== e.toState
                    ? ` · ${CASE_STATE_LABELS[e.fromState]} → ${CASE_STATE_LABELS[e.toState]}`
                    : ''}
                </Typography.Text>
              </div>
              <div>{e.text}</div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
