import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { panelStyle } from '../theme';

interface Props {
  title: string;
  toolbar?: ReactNode;
  children: ReactNode;
}

/** A white panel with the page title and its toolbar, the table filling the rest. */
export function PageFrame({ title, toolbar, children }: Props) {
  return (
    <section aria-label={title} style={{ ...panelStyle, flex: 1, minHeight: 0, gap: 12, padding: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        {toolbar}
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}
