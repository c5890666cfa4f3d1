import { Form, Input, InputNumber, Select } from 'antd';
import {
  PERFORMANCE_RESULT_LABELS,
  PERFORMANCE_RESULTS,
  SATISFACTION_LEVEL_LABELS,
  SATISFACTION_LEVELS,
} from '../../../../shared/cases/codes';
import type { LoopAction } from '../../../../shared/cases/loop';
import {
  EXTENSION_DAYS_MAX,
  SUPERVISION_LEVEL_LABELS,
  SUPERVISION_LEVELS,
} from '../../../../shared/cases/loop-payloads';
import { AssigneeFields } from './AssigneeFields';

const text = (name: string, label: string, rows = 3) => (
  <Form.Item key={name} name={name} label={label}>
    <Input.TextArea rows={rows} maxLength={2000} />
  </Form.Item>
);
const note = text('note', '备注（选填）', 2);
const days = (
  <Form.Item key="days" name="days" label="延期天数（工作日）">
    <InputNumber min={1} max={EXTENSION_DAYS_MAX} precision={0} style={{ width: 160 }} />
  </Form.Item>
);

/** The payload fields of one loop action, named as in shared/cases/loop-payloads.ts. */
export function ActionFields({ action, gridId, dispute }: { action: LoopAction; gridId: string; dispute: boolean }) {
  switch (action) {
    case 'report':
    case 'receive':
    case 'accept':
    case 'close':
      return note;
    case 'merge':
      return (
        <>
          <Form.Item name="duplicateOf" label="重复的事件编号">
            <Input placeholder="如：140621100-2026-000123" />
          </Form.Item>
          {note}
        </>
      );
    case 'reject':
      return text('reason', '不予受理的理由');
    case 'assign':
      return (
        <>
          <AssigneeFields gridId={gridId} />
          {note}
        </>
      );
    case 'progress':
      return text('note', '处置进展');
    case 'resolve':
      return text('result', '处置结果');
    case 'feedback':
      return text('note', '反馈内容（向报告人反馈的情况）');
    case 'sendBack':
      return text('reason', '回退理由');
    case 'requestExtension':
      return (
        <>
          {days}
          {text('reason', '延期理由')}
        </>
      );
    case 'approveExtension':
      return (
        <>
          {days}
          {note}
        </>
      );
    case 'denyExtension':
      return text('reason', '不同意延期的理由');
    case 'supervise':
      return (
        <>
          <Form.Item name="level" label="督办级别">
            <Select options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: SUPERVISION_LEVEL_LABELS[l] }))} />
          </Form.Item>
          {note}
        </>
      );
    case 'followUp':
      return (
        <>
          {/* A dispute's 回访 asks whether the agreement was carried out; anything else, how satisfied. */}
          {dispute ? (
            <Form.Item name="performance" label="协议履行情况">
              <Select options={PERFORMANCE_RESULTS.map((v) => ({ value: v, label: PERFORMANCE_RESULT_LABELS[v] }))} />
            </Form.Item>
          ) : (
            <Form.Item name="satisfaction" label="满意度">
              <Select options={SATISFACTION_LEVELS.map((v) => ({ value: v, label: SATISFACTION_LEVEL_LABELS[v] }))} />
            </Form.Item>
          )}
          {note}
        </>
      );
    case 'file':
      return text('reason', '备案理由');
    case 'escalate':
      return text('reason', '提级理由（为何须上报县综治中心）');
  }
}
