import { App, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EMPLOYMENT_LABELS, EMPLOYMENTS, type Employment } from '../../../../shared/people/codes';
import {
  ASSISTANT_KIND_LABELS,
  ASSISTANT_KINDS,
  INSTRUCTOR_KIND_LABELS,
  INSTRUCTOR_KINDS,
  POST_SCOPE,
  POST_TYPE_LABELS,
  POST_TYPES,
  type AssistantKind,
  type InstructorKind,
  type PostType,
} from '../../../../shared/people/posts';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';
import { FormModal } from '../FormModal';

interface Values {
  type: PostType;
  villageId?: string;
  gridId?: string;
  employment?: Employment;
  assistantKind?: AssistantKind;
  instructorKind?: InstructorKind;
  startDate?: Dayjs;
}

interface Props {
  personId: string;
  personName: string;
  onClose: () => void;
  onSaved: () => void;
}

/** 新增任职: which post, where (a village or a grid), its kind, since when. */
export function PostModal({ personId, personName, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'worker';
  const places = useLoader(
    () => Promise.all([api.org.listVillages({ includeRetired: false }), api.org.listGrids({ includeRetired: false })]),
    'places',
  );
  const [villages, grids] = places.data ?? [[], []];

  const save = async (v: Values) => {
    const post = await api.posts.add({
      personId,
      type: v.type,
      villageId: POST_SCOPE[v.type] === 'village' ? v.villageId : undefined,
      gridId: POST_SCOPE[v.type] === 'grid' ? v.gridId : undefined,
      employment: v.type === 'worker' ? v.employment : null,
      assistantKind: v.type === 'assistant' ? v.assistantKind : null,
      instructorKind: v.type === 'instructor' ? v.instructorKind : null,
      startDate: (v.startDate ?? dayjs()).format('YYYY-MM-DD'),
    });
    message.success(`${personName}：已新增任职 ${post.label}`);
    onSaved();
  };

  return (
    <FormModal<Values>
      title={`新增任职 · ${personName}`}
      name="post"
      form={form}
      width={520}
      initialValues={{ type: 'worker', employment: 'full_time', startDate: dayjs() }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item label="职务" name="type" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={POST_TYPES.map((t) => ({ value: t, label: POST_TYPE_LABELS[t] }))}
        />
      </Form.Item>
      {POST_SCOPE[type] === 'grid' ? (
        <Form.Item label="网格" name="gridId" required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择网格"
            loading={places.loading}
            options={grids.map((g) => ({ value: g.id, label: `${g.villageName} · ${g.name}（${g.code}）` }))}
          />
        </Form.Item>
      ) : (
        <Form.Item label="村（社区）" name="villageId" required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择村（社区）"
            loading={places.loading}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
          />
        </Form.Item>
      )}
      {type === 'worker' && (
        <Form.Item label="专兼职" name="employment" required>
          <Radio.Group options={EMPLOYMENTS.map((e) => ({ value: e, label: EMPLOYMENT_LABELS[e] }))} />
        </Form.Item>
      )}
      {type === 'assistant' && (
        <Form.Item label="辅助员类别" name="assistantKind" required>
          <Select options={ASSISTANT_KINDS.map((k) => ({ value: k, label: ASSISTANT_KIND_LABELS[k] }))} />
        </Form.Item>
      )}
      {type === 'instructor' && (
        <Form.Item label="指导员类别" name="instructorKind" required>
          <Radio.Group options={INSTRUCTOR_KINDS.map((k) => ({ value: k, label: INSTRUCTOR_KIND_LABELS[k] }))} />
        </Form.Item>
      )}
      <Form.Item label="任职日期" name="startDate" required>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
      </Form.Item>
    </FormModal>
  );
}
