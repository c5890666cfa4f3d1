import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form } from 'antd';
import { MAX_CASE_PARTIES } from '../../../../shared/cases/parties';
import { PartyFields } from './PartyFields';

/** 当事人 at registration of a 矛盾纠纷 case (optional; more can be added from the case later). */
export function CasePartiesField() {
  const form = Form.useFormInstance();
  // The named parties are among the people involved; the server refuses fewer.
  const raisePeopleInvolved = (parties: number) => {
    if ((form.getFieldValue('peopleInvolved') ?? 0) < parties) form.setFieldValue('peopleInvolved', parties);
  };
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <section aria-label="当事人">
          <div style={{ fontWeight: 500, marginBottom: 8 }}>当事人（选填）</div>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={`当事人 ${i + 1}`}
              style={{ marginBottom: 12 }}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`移除当事人 ${i + 1}`}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <PartyFields listName={field.name} />
            </Card>
          ))}
          {fields.length < MAX_CASE_PARTIES && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                add({ role: fields.length === 0 ? 'applicant' : 'respondent' });
                raisePeopleInvolved(fields.length + 1);
              }}
              style={{ marginBottom: 16 }}
            >
              添加当事人
            </Button>
          )}
        </section>
      )}
    </Form.List>
  );
}
