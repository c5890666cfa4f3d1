import { Col, Form, Radio, Row, Typography } from 'antd';
import { DISCOVERER_KIND_LABELS, DISCOVERER_KINDS, type CaseSource } from '../../../../shared/cases/codes';
import { TeamMemberSelect } from './TeamMemberSelect';

/** Matters the grid finds itself have a team member as 发现人; the others were brought by 群众. */
export function defaultDiscovererKind(source: CaseSource | undefined): 'team' | 'public' {
  return source === 'patrol' || source === 'visit' ? 'team' : 'public';
}

/**
 * 发现人: a person of the chosen grid's team, or 群众 — then the reporter (caller, visitor) named below
 * is the one, so neither name nor phone is asked twice.
 */
export function DiscovererFields({ gridId }: { gridId: string | undefined }) {
  const kind = Form.useWatch<'team' | 'public' | undefined>('discovererKind');
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="discovererKind" label="发现人类型">
          <Radio.Group
            optionType="button"
            options={DISCOVERER_KINDS.map((k) => ({ value: k, label: DISCOVERER_KIND_LABELS[k] }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        {kind === 'team' ? (
          <Form.Item name="discovererId" label="发现人">
            <TeamMemberSelect gridId={gridId} pickFirst />
          </Form.Item>
        ) : (
          <Form.Item label="发现人">
            <Typography.Text type="secondary">以下方登记的群众为发现人</Typography.Text>
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}
