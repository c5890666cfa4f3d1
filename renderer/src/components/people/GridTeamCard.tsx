import { Descriptions, Space, Tag, Typography } from 'antd';
import type { TeamMember } from '../../../../shared/api/people';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';

/** The names of one role; `missing` marks an empty role as a gap (待完善) rather than plain 暂无. */
function Members({ list, missing }: { list: TeamMember[]; missing?: string }) {
  if (list.length === 0)
    return missing ? <Tag color="warning">{missing}</Tag> : <span style={{ color: '#8a94a6' }}>暂无</span>;
  return (
    <Space size={[4, 4]} wrap>
      {list.map((m) => (
        <Tag key={m.postId} title={m.phoneMasked ?? undefined}>
          {m.name}
          {m.kind ? `（${m.kind}）` : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** A grid's "一长三员" at a glance: 网格长 and 指导员 of its village, its 网格员 and 辅助员, with counts. */
export function GridTeamCard({ gridId, community }: { gridId: string; community: boolean }) {
  const team = useLoader(() => api.people.teamOfGrid({ gridId }), gridId);
  const t = team.data;
  return (
    <section aria-label="一长三员" data-testid="grid-team" style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        一长三员
      </Typography.Title>
      {t && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={`网格长（${t.counts.heads}）`}>
            <Members list={t.heads} missing="缺网格长" />
          </Descriptions.Item>
          <Descriptions.Item label={`网格员（专职 ${t.counts.fullTime} / 兼职 ${t.counts.partTime}）`}>
            <Members list={t.workers} missing={community ? '缺专职网格员' : '缺网格员'} />
            {community && t.workers.length > 0 && t.counts.fullTime === 0 && (
              <Tag color="warning">社区网格缺专职网格员</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={`网格辅助员（${t.counts.assistants}）`}>
            <Members list={t.assistants} />
          </Descriptions.Item>
          <Descriptions.Item label={`网格指导员（${t.counts.instructors}）`}>
            <Members list={t.instructors} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </section>
  );
}
