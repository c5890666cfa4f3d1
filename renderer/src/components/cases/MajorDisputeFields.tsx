import { Checkbox, Col, Form, Row } from 'antd';
import { MAJOR_DISPUTE_GROUND_LABELS, MAJOR_DISPUTE_GROUNDS } from '../../../../shared/cases/codes';

const GROUND_OPTIONS = MAJOR_DISPUTE_GROUNDS.map((g) => ({ value: g, label: MAJOR_DISPUTE_GROUND_LABELS[g] }));

/**
 * 重大矛盾纠纷 and its grounds (field names as cases.create / cases.setMajorDispute take them): the
 * grounds show once the box is ticked. The core refuses a flag without grounds and names the field.
 */
export function MajorDisputeFields() {
  const major = Form.useWatch<boolean | undefined>('majorDispute');
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Form.Item name="majorDispute" label="重大矛盾纠纷" valuePropName="checked">
          <Checkbox>认定为重大</Checkbox>
        </Form.Item>
      </Col>
      {major && (
        <Col span={18}>
          <Form.Item name="majorGrounds" label="认定依据">
            <Checkbox.Group options={GROUND_OPTIONS} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
