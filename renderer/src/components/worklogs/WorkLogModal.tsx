import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Grid, Village } from '../../../../shared/api/org';
import type { WorkLog } from '../../../../shared/api/worklogs';
import { WORK_LOG_KIND_LABELS, WORK_LOG_KINDS, type WorkLogKind } from '../../../../shared/worklogs/codes';
import { api } from '../../api/client';
import { TeamMemberSelect } from '../cases/TeamMemberSelect';
import { FormModal } from '../FormModal';
import { PlaceFields } from '../fieldwork/PlaceFields';
import { recordDayDisabled } from '../fieldwork/recordDay';

interface Values {
  villageId?: string;
  gridId?: string;
  workerId?: string;
  workedOn?: Dayjs | null;
  kind?: WorkLogKind;
  content?: string;
  peopleReached?: number | null;
}

interface Props {
  /** null: a new entry. */
  log: WorkLog | null;
  villages: Village[];
  grids: Grid[];
  onClose: () => void;
  onSaved: (log: WorkLog) => void;
}

/** 登记 / 修改工作日志: the day, the grid, its 记录人 from the grid team, what was done and for how many. */
export function WorkLogModal({ log, villages, grids, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const gridId = Form.useWatch('gridId', form);

  const save = async (v: Values) => {
    // Missing values go as they are, so the server names each missing field.
    const input = {
      workedOn: v.workedOn ? v.workedOn.format('YYYY-MM-DD') : '',
      gridId: v.gridId as string,
      workerId: v.workerId as string,
      kind: v.kind as WorkLogKind,
      content: v.content ?? '',
      peopleReached: v.peopleReached ?? 0,
    };
    const saved = log ? await api.worklogs.update({ ...input, id: log.id }) : await api.worklogs.create(input);
    message.success(log ? '已保存工作日志' : `已登记${WORK_LOG_KIND_LABELS[saved.kind]}工作日志`);
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      title={log ? '修改工作日志' : '登记工作日志'}
      name="worklog"
      form={form}
      width={720}
      initialValues={
        log
          ? { ...log, workedOn: dayjs(log.workedOn), workerId: log.workerId ?? undefined }
          : { workedOn: dayjs(), peopleReached: 0 }
      }
      onSave={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <PlaceFields villages={villages} grids={grids} />
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="workedOn" label="工作日期">
            <DatePicker style={{ width: '100%' }} disabledDate={recordDayDisabled(grids, gridId)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label="工作类型">
            <Select
              placeholder="请选择工作类型"
              options={WORK_LOG_KINDS.map((k) => ({ value: k, label: WORK_LOG_KIND_LABELS[k] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="workerId" label="记录人">
            <TeamMemberSelect gridId={gridId} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label="工作内容">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="peopleReached" label="覆盖人数">
        <InputNumber min={0} precision={0} style={{ width: 160 }} addonAfter="人" />
      </Form.Item>
    </FormModal>
  );
}
