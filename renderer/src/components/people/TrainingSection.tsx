import type { ColDef } from 'ag-grid-community';
import { App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import type { Training } from '../../../../shared/api/people';
import { api } from '../../api/client';
import { useConfirmAction } from '../../hooks/useConfirmAction';
import { FormModal } from '../FormModal';
import { SubListSection } from './SubListSection';

interface Props {
  personId: string;
  trainings: Training[];
  readOnly: boolean;
  onChanged: () => void;
}

interface Values {
  date?: Dayjs;
  topic?: string;
  hours?: number | null;
}

const COLUMNS: ColDef<Training>[] = [
  { field: 'date', headerName: '日期', width: 108 },
  { field: 'topic', headerName: '培训内容', flex: 1, minWidth: 200, tooltipField: 'topic' },
  { field: 'hours', headerName: '学时', type: 'rightAligned', width: 80 },
];

/** 培训记录: date, topic, hours; deleting keeps a tombstone. */
export function TrainingSection({ personId, trainings, readOnly, onChanged }: Props) {
  const { message } = App.useApp();
  const confirm = useConfirmAction();
  const [adding, setAdding] = useState(false);
  const hours = trainings.reduce((sum, t) => sum + t.hours, 0);

  const action = useCallback(
    (t: Training) => (
      <Button
        size="small"
        type="link"
        danger
        aria-label={`删除培训 ${t.topic}`}
        onClick={() =>
          confirm({
            title: '删除培训记录',
            content: `确定删除 ${t.date}「${t.topic}」吗？`,
            okText: '确定删除',
            danger: true,
            run: async () => {
              await api.trainings.delete({ id: t.id });
              onChanged();
            },
            success: '已删除培训记录',
          })
        }
      >
        删除
      </Button>
    ),
    [confirm, onChanged],
  );

  const save = async (v: Values) => {
    await api.trainings.add({
      personId,
      date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
      topic: v.topic ?? '',
      hours: v.hours as number,
    });
    message.success('已新增培训记录');
    onChanged();
  };

  return (
    <SubListSection<Training>
      title="培训记录"
      summary={`${trainings.length} 次，共 ${hours} 学时`}
      addLabel="新增培训"
      onAdd={() => setAdding(true)}
      readOnly={readOnly}
      testId="training-table"
      rows={trainings}
      columns={COLUMNS}
      action={action}
      actionWidth={80}
      emptyText="暂无培训记录"
    >
      {adding && (
        <FormModal<Values>
          title="新增培训"
          name="training"
          width={440}
          initialValues={{ date: dayjs() }}
          onSave={save}
          onClose={() => setAdding(false)}
        >
          <Form.Item label="培训日期" name="date" required>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="培训内容" name="topic" required>
            <Input autoComplete="off" autoFocus placeholder="如：矛盾纠纷排查化解业务培训" />
          </Form.Item>
          <Form.Item label="学时" name="hours" required rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber min={0.5} max={1000} step={0.5} style={{ width: '100%' }} suffix="学时" />
          </Form.Item>
        </FormModal>
      )}
    </SubListSection>
  );
}
