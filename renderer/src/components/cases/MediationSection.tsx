import { App, Button, Col, Form, Input, Row, Select } from 'antd';
import type { CaseDetail } from '../../../../shared/api/cases';
import {
  MEDIATION_LEVEL_LABELS,
  MEDIATION_LEVELS,
  MEDIATION_METHOD_LABELS,
  MEDIATION_METHODS,
  MEDIATION_RESULT_LABELS,
  MEDIATION_RESULTS,
  type MediationLevel,
  type MediationMethod,
  type MediationResult,
} from '../../../../shared/cases/codes';
import { FINAL_STATES } from '../../../../shared/cases/loop';
import { api } from '../../api/client';
import { clearErrorsOnChange } from '../../hooks/useApiError';
import { useFormAction } from '../../hooks/useFormAction';

interface Values {
  method?: MediationMethod;
  organisation?: string;
  responsible?: string;
  level?: MediationLevel;
  result?: MediationResult | 'pending';
  outcome?: string;
}

const RESULT_OPTIONS = [
  { value: 'pending', label: '调解中' },
  ...MEDIATION_RESULTS.map((r) => ({ value: r, label: MEDIATION_RESULT_LABELS[r] })),
];
/** A method no longer offered still shows on the case it was recorded for. */
const methodOptions = (current: MediationMethod | null) =>
  [
    ...MEDIATION_METHODS,
    ...(current && !(MEDIATION_METHODS as readonly string[]).includes(current) ? [current] : []),
  ].map((m) => ({
    value: m,
    label: MEDIATION_METHOD_LABELS[m],
    disabled: !(MEDIATION_METHODS as readonly string[]).includes(m),
  }));

const fromCase = (c: CaseDetail['case']): Values => ({
  method: c.mediationMethod ?? undefined,
  organisation: c.mediationOrg ?? undefined,
  responsible: c.mediationResponsible ?? undefined,
  level: c.mediationLevel ?? undefined,
  result: c.mediationResult ?? 'pending',
  outcome: c.mediationOutcome ?? undefined,
});

/** 调解情况 of a 矛盾纠纷 case: method, organisation, responsible person, level, result (办结 needs it), outcome. */
export function MediationSection({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const ended = FINAL_STATES.includes(detail.case.state);
  const { saving, submit } = useFormAction(form, async (v: Values) => {
    const next = await api.cases.setMediation({
      id: detail.case.id,
      method: v.method as (typeof MEDIATION_METHODS)[number],
      organisation: v.organisation ?? '',
      responsible: v.responsible ?? '',
      level: v.level ?? null,
      result: v.result === 'pending' || !v.result ? null : v.result,
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
            <Select options={methodOptions(detail.case.mediationMethod)} placeholder="请选择调解方式" />
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
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="level" label="调解层级" extra="登记调解结果时必填">
            <Select
              options={MEDIATION_LEVELS.map((l) => ({ value: l, label: MEDIATION_LEVEL_LABELS[l] }))}
              placeholder="乡镇（街道）或村（社区）"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="result" label="调解结果" extra="办结前须登记；只有调解成功计为化解">
            <Select options={RESULT_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
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
