import { Cascader, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Grid, Village } from '../../../../shared/api/org';
import {
  CASE_SCALE_LABELS,
  CASE_SCALES,
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_URGENCIES,
  CASE_URGENCY_LABELS,
  type CaseSource,
} from '../../../../shared/cases/codes';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import { CasePartiesField } from './CasePartiesField';
import { MajorDisputeFields } from './MajorDisputeFields';
import { defaultDiscovererKind, DiscovererFields } from './DiscovererFields';

interface Props {
  taxonomy: Taxonomy | undefined;
  villages: Village[];
  grids: Grid[];
}

/** Whether the picked 大类 is a 矛盾纠纷 one, which takes 当事人. */
export function isDisputeCategory(taxonomy: Taxonomy | undefined, category: string[] | undefined): boolean {
  return taxonomy?.categories.find((c) => c.code === category?.[0])?.dispute === true;
}

/** The 登记事件 fields; names match cases.create except the two cascaders (category, grid). */
export function CaseFormFields({ taxonomy, villages, grids }: Props) {
  const form = Form.useFormInstance();
  const category = Form.useWatch<string[] | undefined>('category');
  const source = Form.useWatch<string | undefined>('source');
  const emergency = Form.useWatch<boolean | undefined>('emergency');
  const grid = Form.useWatch<string[] | undefined>('grid');
  const dispute = isDisputeCategory(taxonomy, category);
  const categoryOptions =
    taxonomy?.categories.map((c) => ({
      value: c.code,
      label: c.name,
      children: c.subcategories.map((s) => ({ value: s.code, label: s.name })),
    })) ?? [];
  // Villages without grids cannot take a case: a case belongs to a grid.
  const gridOptions = villages
    .map((v) => ({
      value: v.id,
      label: v.name,
      children: grids.filter((g) => g.villageId === v.id).map((g) => ({ value: g.id, label: g.name })),
    }))
    .filter((v) => v.children.length > 0);

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="source" label="事件来源">
            <Select
              options={CASE_SOURCES.map((s) => ({ value: s, label: CASE_SOURCE_LABELS[s] }))}
              onChange={(source: CaseSource) => form.setFieldValue('discovererKind', defaultDiscovererKind(source))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="category" label="事件类别（大类 / 小类）">
            <Cascader options={categoryOptions} placeholder="请选择大类和小类" showSearch />
          </Form.Item>
        </Col>
      </Row>
      {/* 上级交办 brings its own deadline, which the handling clock keeps. */}
      {source === 'superior' && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="orderRef" label="交办文号/工单号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orderDueDate" label="办理时限">
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="emergency" valuePropName="checked">
        <Checkbox>突发事件（即时首报县综治中心，免予甄别，直接受理）</Checkbox>
      </Form.Item>
      {emergency && (
        <Form.Item name="firstReport" label="首报内容">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="scale" label="事件规模">
            <Select options={CASE_SCALES.map((s) => ({ value: s, label: CASE_SCALE_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urgency" label="紧急程度">
            <Select options={CASE_URGENCIES.map((u) => ({ value: u, label: CASE_URGENCY_LABELS[u] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="peopleInvolved" label="涉及人数">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
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
              notFoundContent="还没有网格，请先在「网格与人员」中新增"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="occurredAt" label="发生时间">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <DiscovererFields gridId={grid?.[1]} />
      <Form.Item name="place" label="发生地点">
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="reporterName" label="报告人">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="reporterContact" label="联系电话">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label="事件概要">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      {dispute && <MajorDisputeFields />}
      {dispute && <CasePartiesField />}
    </>
  );
}
