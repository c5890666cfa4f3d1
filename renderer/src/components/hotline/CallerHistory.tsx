import { Empty, List, Tag, Typography } from 'antd';
import type { CaseSummary } from '../../../../shared/api/cases';
import { CASE_STATE_LABELS } from '../../../../shared/cases/loop';
import { formatDateZh } from '../../../../shared/dates';
import { palette, panelStyle } from '../../theme';

interface Props {
  /** null: no valid number typed yet. */
  cases: CaseSummary[] | null;
  loading: boolean;
}

/** The caller's earlier cases beside the intake form, so a repeat caller is seen at once. */
export function CallerHistory({ cases, loading }: Props) {
  const title = cases && cases.length > 0 ? `来电人历史事件（${cases.length} 件）` : '来电人历史事件';
  return (
    <section
      aria-label="来电人历史事件"
      data-testid="caller-history"
      style={{ ...panelStyle, padding: 12, gap: 8, minHeight: 0, overflow: 'auto' }}
    >
      <Typography.Text strong style={{ color: cases?.length ? palette.red : undefined }}>
        {title}
      </Typography.Text>
      {cases === null ? (
        <Typography.Text type="secondary">输入来电号码后，这里显示该号码以前反映过的事件。</Typography.Text>
      ) : cases.length === 0 && !loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该号码没有历史事件" />
      ) : (
        <List
          size="small"
          loading={loading}
          dataSource={cases}
          renderItem={(c) => (
            <List.Item key={c.id} style={{ display: 'block', paddingInline: 0 }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography.Text style={{ fontFamily: 'monospace' }}>{c.number}</Typography.Text>
                <Typography.Text type="secondary">{formatDateZh(c.createdAt)}</Typography.Text>
                <Tag color={c.state === 'closed' ? 'success' : 'processing'}>{CASE_STATE_LABELS[c.state]}</Tag>
              </div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                {c.categoryLabel}：{c.summary}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
