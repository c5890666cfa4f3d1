import { App, Button, Form } from 'antd';
import type { CaseDetail } from '../../../../shared/api/cases';
import type { MajorDisputeGround } from '../../../../shared/cases/codes';
import { FINAL_STATES } from '../../../../shared/cases/loop';
import { api } from '../../api/client';
import { clearErrorsOnChange } from '../../hooks/useApiError';
import { useFormAction } from '../../hooks/useFormAction';
import { MajorDisputeFields } from './MajorDisputeFields';

interface Values {
  majorDispute?: boolean;
  majorGrounds?: MajorDisputeGround[];
}

/** 认定 / 取消 重大矛盾纠纷 on an open dispute; read-only once the case has ended. */
export function MajorDisputeSection({ detail, onSaved }: { detail: CaseDetail; onSaved: (d: CaseDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const ended = FINAL_STATES.includes(detail.case.state);
  const { saving, submit } = useFormAction(form, async (v: Values) => {
    const major = v.majorDispute === true;
    const next = await api.cases.setMajorDispute({
      id: detail.case.id,
      majorDispute: major,
      // Grounds ticked before unticking the box are not sent: not 重大 has no grounds.
      majorGrounds: major ? (v.majorGrounds ?? []) : [],
    });
    message.success(major ? '已认定为重大矛盾纠纷' : '已取消重大矛盾纠纷认定');
    onSaved(next);
  });
  return (
    <Form<Values>
      form={form}
      name="major"
      layout="vertical"
      disabled={ended}
      initialValues={{ majorDispute: detail.case.majorDispute, majorGrounds: detail.case.majorGrounds }}
      onValuesChange={clearErrorsOnChange(form)}
      onFinish={submit}
    >
      <MajorDisputeFields />
      {!ended && (
        <Button htmlType="submit" loading={saving}>
          保存重大矛盾纠纷认定
        </Button>
      )}
    </Form>
  );
}
