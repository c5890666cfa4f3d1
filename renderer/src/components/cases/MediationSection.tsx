import { App, Button, Col, Form, Input, Row, Select } from 'antd';
import type { CaseDetail } from '../../../../shared/api/cases';
import { MEDIATION_METHOD_LABELS, MEDIATION_METHODS, type MediationMethod } from '../../../../shared/cases/codes';
import { FINAL_STATES } from '../../../../shared/cases/loop';
import { api } from '../../api/client';
import { clearErrorsOnChange } from '../../hooks/useApiError';
import { useFormAction } from '../../hooks/useFormAction';

interface Values {
  method?: MediationMethod;
  organisation?: string;
  responsible?: string;
  success?: 'yes' | 'no' | 'pending';
  outcome?: string;
}

const SUCCESS_OPTIONS = [
  { value: 'pending', label: '调解中' },
  { value: 'yes', label: '调解成功' },
  { value: 'no', label: '调解不成功' },
];

const fromCase = (c: CaseDetail['case']): Values => ({
  method: c.mediationMethod ?? undefined,
  organisation: c.mediationOrg ?? undefined,
  responsible: c.mediationResponsible ?? undefined,
  success: c.mediationSuccess === null ? 'pending' : c.mediationSuccess ? 'yes' : 'no',
  outcome: c.mediationOutcome ?? undefined,
});

/** 调解情况 of a 矛盾纠纷 case: method, organisation, responsible person, success, outcome. */
export function MediationSection({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const ended = FINAL_STATES.includes(detail.case.state);
  const { saving, submit } = useFormAction(form, async (v: Values) => {
    const next = await api.cases.setMediation({
      id: detail.case.id,
      method: v.method as MediationMethod,
      organisation: v.organisation ?? '',
      responsible: v.responsible ?? '',
      success: v.success === 'yes' ? true : v.success === 'no' ? false : null,
      outcome: v.outcome ?? null,
    });
    message.success('已保存调解情况');
    onSaved(next);
  });
  return (
    <Form<Values>
      form={form}
      name="mediation"
      layout="vertical"
      disabled={ended}
      initialValues={fromCase(detail.case)}
      onValuesChange={clearErrorsOnChange(form)}
      onFinish={submit}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="method" label="调解方式">
            <Select options={MEDIATION_METHODS.map((m) => ({ value: m, label: MEDIATION_METHOD_LABELS[m] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="organisation" label="调解组织">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="responsible" label="调解责任人">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="success" label="调解结果">
        <Select options={SUCCESS_OPTIONS} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="outcome" label="调解情况说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {!ended && (
        <Button htmlType="submit" loading={saving}>
          保存调解情况
        </Button>
      )}
    </Form>
  );
}
