import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A drawer section's title, a muted summary, and its actions on the right. */
export function SectionHeader({
  title,
  summary,
  actions,
}: {
  title: string;
  summary?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', margin: '16px 0 8px' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {summary && <span style={{ color: '#8a94a6', marginInlineStart: 8 }}>{summary}</span>}
      <div style={{ flex: 1 }} />
      {actions}
    </div>
  );
}
