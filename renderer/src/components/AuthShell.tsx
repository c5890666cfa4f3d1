import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { palette } from '../theme';

interface Props {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The centred card of the setup and login pages, under the app's name. */
export function AuthShell({ title, subtitle, width = 420, children }: Props) {
  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        background: `linear-gradient(180deg, ${palette.blue} 0, ${palette.blue} calc(8vh + 150px), ${palette.page} calc(8vh + 150px))`,
        padding: 'calc(8vh + 8px) 16px 32px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ textAlign: 'center', marginBottom: 24, color: '#fff' }}>
        <div style={{ fontSize: 28, fontWeight: 600, letterSpacing: 4 }}>综治工作台</div>
        <div style={{ opacity: 0.85, marginTop: 4 }}>乡镇（街道）综治中心</div>
      </div>
      <Card style={{ width, maxWidth: '100%', borderTop: `3px solid ${palette.red}` }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 20 }}>
          {title}
        </Typography.Title>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {subtitle}
          </Typography.Paragraph>
        )}
        {children}
      </Card>
    </div>
  );
}
