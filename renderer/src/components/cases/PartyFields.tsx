import { Col, Form, Input, Row, Select } from 'antd';
import { CASE_PARTY_ROLE_LABELS, CASE_PARTY_ROLES } from '../../../../shared/cases/parties';

export interface PartyValues {
  role?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  note?: string;
}

const ROLE_OPTIONS = CASE_PARTY_ROLES.map((r) => ({ value: r, label: CASE_PARTY_ROLE_LABELS[r] }));

interface Props {
  /** The Form.List item's name when the fields sit in a list (登记事件); absent in the party dialog. */
  listName?: number;
  /** Placeholders for the numbers on edit: the masked values, which stay unless something is typed. */
  masked?: { idNumber: string | null; phone: string | null; address: string | null };
}

/** 当事人: type, name, ID number, phone, address, note — the keys cases.addParty takes. */
export function PartyFields({ listName, masked }: Props) {
  const at = (key: keyof PartyValues) => (listName === undefined ? key : [listName, key]);
  const keep = (value: string | null | undefined) => (value ? `${value}（不修改请留空）` : undefined);
  return (
    <>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={at('role')} label="当事人类型">
            <Select options={ROLE_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={at('name')} label="姓名">
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={at('phone')} label="联系电话">
            <Input maxLength={40} autoComplete="off" placeholder={keep(masked?.phone)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name={at('idNumber')} label="身份证号">
            <Input maxLength={40} autoComplete="off" placeholder={keep(masked?.idNumber) ?? '选填'} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name={at('address')} label="住址">
            <Input maxLength={120} autoComplete="off" placeholder={keep(masked?.address) ?? '选填'} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={at('note')} label="备注">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
    </>
  );
}
