import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import {
  DEDICATED_KIND_LABELS,
  DEDICATED_KINDS,
  GRID_TYPE_LABELS,
  GRID_TYPES,
  type DedicatedKind,
  type GridType,
} from '../../../../shared/org/grid';
import { GridSizeAlert } from './GridSizeAlert';

export interface GridValues {
  type: GridType;
  dedicatedKind?: DedicatedKind | null;
  name?: string;
  households?: number | null;
  residents?: number | null;
  partyBranchName?: string | null;
  partyBranchSecretary?: string | null;
  remarks?: string | null;
}

const count = { min: 0, max: 1_000_000, precision: 0, style: { width: '100%' } } as const;

/** The fields of a grid; names match the API input so server issues land under the right field. */
export function GridFormFields() {
  const form = Form.useFormInstance<GridValues>();
  const type = Form.useWatch('type', form);
  const households = Form.useWatch('households', form);
  const residents = Form.useWatch('residents', form);

  return (
    <>
      <Form.Item label="类型" name="type" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={GRID_TYPES.map((t) => ({ value: t, label: GRID_TYPE_LABELS[t] }))}
        />
      </Form.Item>
      {type === 'dedicated' && (
        <Form.Item label="类别" name="dedicatedKind" required extra="学校、医院、企业、园区、机关大院等专属网格">
          <Select
            placeholder="请选择专属网格的类别"
            showSearch={{ optionFilterProp: 'label' }}
            options={DEDICATED_KINDS.map((k) => ({ value: k, label: DEDICATED_KIND_LABELS[k] }))}
          />
        </Form.Item>
      )}
      <Form.Item label="网格名称" name="name" required>
        <Input autoComplete="off" placeholder="如：玉井村第一网格" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="户数" name="households" required rules={[{ required: true, message: '请填写户数' }]}>
            <InputNumber {...count} suffix="户" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="人口" name="residents" required rules={[{ required: true, message: '请填写人口数' }]}>
            <InputNumber {...count} suffix="人" />
          </Form.Item>
        </Col>
      </Row>
      <GridSizeAlert households={households} residents={residents} />
      <Form.Item label="网格党支部名称" name="partyBranchName">
        <Input autoComplete="off" placeholder="如：玉井村第一网格党支部" />
      </Form.Item>
      <Form.Item label="支部书记" name="partyBranchSecretary">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="备注" name="remarks">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}
