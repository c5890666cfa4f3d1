import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Visit } from '../../../../shared/api/fieldwork';
import type { Grid, Village } from '../../../../shared/api/org';
import type { Person } from '../../../../shared/api/people';
import { VISIT_METHOD_LABELS, VISIT_METHODS, type VisitMethod } from '../../../../shared/fieldwork/codes';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { PersonPicker } from './PersonPicker';
import { PlaceFields } from './PlaceFields';
import { recordDayDisabled } from './recordDay';
import { StoredPhoneField, storedPhoneInput } from './StoredPhoneField';

interface VisitValues {
  villageId?: string;
  gridId?: string;
  visitorId?: string;
  visitedOn?: Dayjs | null;
  method?: VisitMethod;
  subjectName?: string;
  address?: string;
  phone?: string;
  phoneClear?: boolean;
  householdSize?: number | null;
  content?: string;
  issues?: string;
  followUp?: string;
}

interface Props {
  /** null: a new visit. */
  visit: Visit | null;
  villages: Village[];
  grids: Grid[];
  people: Person[];
  onClose: () => void;
  onSaved: (visit: Visit) => void;
}

const blank = (v: string | undefined) => (v?.trim() ? v : null);

/** 登记 / 修改入户走访. The stored phone stays masked (StoredPhoneField: empty keeps it). */
export function VisitModal({ visit, villages, grids, people, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const gridId = Form.useWatch('gridId', form);

  const save = async (v: VisitValues) => {
    // Missing values go as they are, so the server names each missing field.
    const input = {
      villageId: v.villageId as string,
      gridId: v.gridId as string,
      visitorId: v.visitorId as string,
      visitedOn: v.visitedOn ? v.visitedOn.format('YYYY-MM-DD') : '',
      method: v.method as VisitMethod,
      subjectName: v.subjectName ?? '',
      address: v.address ?? '',
      householdSize: v.householdSize ?? null,
      content: v.content ?? '',
      issues: blank(v.issues),
      followUp: blank(v.followUp),
      caseId: visit?.caseId ?? null,
    };
    const saved = visit
      ? await api.visits.update({ ...input, id: visit.id, phone: storedPhoneInput(v.phone, v.phoneClear) })
      : await api.visits.create({ ...input, phone: blank(v.phone) });
    message.success(visit ? '已保存走访记录' : `已登记对${saved.subjectName}的走访`);
    onSaved(saved);
  };

  return (
    <FormModal<VisitValues>
      title={visit ? '修改入户走访' : '登记入户走访'}
      name="visit"
      form={form}
      width={760}
      initialValues={
        visit
          ? { ...visit, visitedOn: dayjs(visit.visitedOn), phone: undefined, issues: visit.issues ?? undefined }
          : { method: 'in_person', visitedOn: dayjs() }
      }
      onSave={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <PlaceFields villages={villages} grids={grids} />
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="visitorId" label="走访人">
            <PersonPicker gridId={gridId} people={people} placeholder="请选择走访人（本网格队伍在前）" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="visitedOn" label="走访日期">
            <DatePicker style={{ width: '100%' }} disabledDate={recordDayDisabled(grids, gridId)} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="method" label="走访方式">
            <Select options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="subjectName" label="走访对象（户主或被访人）">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <StoredPhoneField name="phone" label="联系电话" masked={visit?.phoneMasked} editing={visit !== null} />
        </Col>
        <Col span={6}>
          <Form.Item name="householdSize" label="家庭人口">
            <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="住址">
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="content" label="走访内容">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="issues" label="反映问题">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="followUp" label="跟进情况">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {visit?.caseNumber && <p style={{ color: '#5b6478', margin: 0 }}>已转为事件：{visit.caseNumber}</p>}
    </FormModal>
  );
}
