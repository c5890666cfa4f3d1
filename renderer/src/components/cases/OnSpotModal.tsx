import { App, Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ON_SPOT_SOURCES, type CaseDetail } from '../../../../shared/api/cases';
import type { Grid, Village } from '../../../../shared/api/org';
import { CASE_SOURCE_LABELS } from '../../../../shared/cases/codes';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { remapIssues } from './remapIssues';
import { TeamMemberSelect } from './TeamMemberSelect';

interface Values {
  source?: (typeof ON_SPOT_SOURCES)[number];
  category?: string[];
  grid?: string[];
  discovererId?: string;
  occurredAt?: Dayjs | null;
  settledAt?: Dayjs | null;
  place?: string;
  peopleInvolved?: number | null;
  summary?: string;
  resolution?: string;
}

interface Props {
  taxonomy: Taxonomy | undefined;
  villages: Village[];
  grids: Grid[];
  onClose: () => void;
  onCreated: (detail: CaseDetail) => void;
}

const FIELD_OF = {
  categoryCode: ['category'],
  subcategoryCode: ['category'],
  itemCode: ['category'],
  gridId: ['grid'],
};

/**
 * 就地化解: a matter the grid found and settled there, recorded in one step — it is stored already
 * 办结 with what was done. 突发事件 are reported at once instead, so they are not offered.
 */
export function OnSpotModal({ taxonomy, villages, grids, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grid = Form.useWatch<string[] | undefined>('grid', form);
  const categoryOptions =
    taxonomy?.categories
      .filter((c) => c.name !== '突发事件')
      .map((c) => ({
        value: c.code,
        label: c.name,
        children: c.subcategories.map((s) => ({ value: s.code, label: s.name })),
      })) ?? [];
  const gridOptions = villages
    .map((v) => ({
      value: v.id,
      label: v.name,
      children: grids.filter((g) => g.villageId === v.id).map((g) => ({ value: g.id, label: g.name })),
    }))
    .filter((v) => v.children.length > 0);

  const save = async (v: Values) => {
    try {
      const detail = await api.cases.recordOnSpot({
        // Missing values go as they are, so the server names each missing field.
        source: v.source as (typeof ON_SPOT_SOURCES)[number],
        categoryCode: v.category?.[0] as string,
        subcategoryCode: v.category?.[1] as string,
        gridId: v.grid?.[1] as string,
        discovererId: v.discovererId as string,
        occurredAt: v.occurredAt ? v.occurredAt.format() : '',
        settledAt: v.settledAt ? v.settledAt.format() : null,
        place: v.place ?? '',
        peopleInvolved: v.peopleInvolved ?? undefined,
        summary: v.summary ?? '',
        resolution: v.resolution ?? '',
      });
      message.success(`已登记就地化解 ${detail.case.number}`);
      onCreated(detail);
    } catch (err) {
      throw remapIssues(err, FIELD_OF);
    }
  };

  return (
    <FormModal<Values>
      title="就地化解"
      name="onspot"
      form={form}
      width={720}
      initialValues={{ source: 'patrol', peopleInvolved: 1, occurredAt: dayjs(), settledAt: dayjs() }}
      onSave={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="source" label="事件来源">
            <Select options={ON_SPOT_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label="事件类别（大类 / 小类）">
            <Cascader options={categoryOptions} placeholder="请选择大类和小类" showSearch />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="grid" label="所属网格（村 / 网格）">
            <Cascader
              options={gridOptions}
              placeholder="请选择村（社区）和网格"
              showSearch
              onChange={() => form.setFieldValue('discovererId', undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="discovererId" label="发现人">
            <TeamMemberSelect gridId={grid?.[1]} pickFirst />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="occurredAt" label="发生时间">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="settledAt" label="化解时间">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="peopleInvolved" label="涉及人数">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" label="发生地点">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label="事件概要">
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="resolution" label="处置结果">
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="当场做了什么、结果如何" />
      </Form.Item>
    </FormModal>
  );
}
