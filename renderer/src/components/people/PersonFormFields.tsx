import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Person } from '../../../../shared/api/people';
import {
  EDUCATION_LABELS,
  EDUCATIONS,
  isPartyMember,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  SEX_LABELS,
  type Education,
  type PoliticalStatus,
} from '../../../../shared/people/codes';
import { checkIdNumber } from '../../../../shared/people/id-number';
import { PARTY_ROLE_LABELS, PARTY_ROLES, type PartyRole } from '../../../../shared/people/posts';
import { PartyGroupSelect } from './PartyGroupSelect';

export interface PersonValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  politicalStatus?: PoliticalStatus | null;
  education?: Education | null;
  partyRole?: PartyRole | null;
  partyGroupId?: string | null;
  registeredOn?: Dayjs | null;
  remarks?: string | null;
}

/** What the typed ID number says, live: sex and birth date, or why it is not valid yet. */
function IdNumberHint({ value }: { value: string | undefined }) {
  if (!value || value.trim() === '') return null;
  const check = checkIdNumber(value);
  if (!check.ok) {
    return (
      <span data-testid="id-number-hint" style={{ color: '#b26a00' }}>
        {check.reason}
      </span>
    );
  }
  const v = check.value;
  return (
    <span data-testid="id-number-hint" style={{ color: '#237804' }}>
      {SEX_LABELS[v.sex]} · 出生日期 {v.birthDate}
      {v.legacy ? ' · 15 位旧号码，保存后列入待完善' : ''}
    </span>
  );
}

interface Props {
  /** Edit mode: the stored values are masked; an empty field keeps them. */
  existing: Person | null;
}

/** The person form; names match the API input so server issues land under the right field. */
export function PersonFormFields({ existing }: Props) {
  const form = Form.useFormInstance<PersonValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const politicalStatus = Form.useWatch('politicalStatus', form);
  const keep = (masked: string | null | undefined) =>
    existing ? (masked ? `已登记 ${masked}，留空不修改` : '未登记') : undefined;

  return (
    <>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label="姓名" name="name" required>
            <Input autoComplete="off" autoFocus />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            label="身份证号"
            name="idNumber"
            required={!existing}
            extra={idNumber ? <IdNumberHint value={idNumber} /> : undefined}
          >
            <Input
              autoComplete="off"
              placeholder={keep(existing?.idNumberMasked) ?? '18 位（旧证 15 位）'}
              maxLength={24}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label="联系电话" name="phone">
            <Input autoComplete="off" placeholder={keep(existing?.phoneMasked) ?? '手机或固定电话'} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="住址" name="address">
            <Input autoComplete="off" placeholder={keep(existing?.addressMasked)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="政治面貌" name="politicalStatus">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={POLITICAL_STATUSES.map((c) => ({ value: c, label: POLITICAL_STATUS_LABELS[c] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="文化程度" name="education">
            <Select allowClear options={EDUCATIONS.map((c) => ({ value: c, label: EDUCATION_LABELS[c] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="登记日期" name="registeredOn">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </Col>
      </Row>
      {isPartyMember(politicalStatus) && (
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item label="党员类别" name="partyRole">
              <Select allowClear options={PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="党小组" name="partyGroupId">
              <PartyGroupSelect />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label="备注" name="remarks">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
