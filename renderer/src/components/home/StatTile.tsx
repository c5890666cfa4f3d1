import { Typography } from 'antd';
import { palette } from '../../theme';

interface Props {
  label: string;
  value: string;
  /** The list this number counts; the whole tile is a link to it. */
  href: string;
  hint?: string;
  color?: string;
}

/** One number of the 工作台; clicking it opens the case list it counts. */
export function StatTile({ label, value, href, hint, color = palette.blue }: Props) {
  return (
    <a
      href={href}
      aria-label={`${label} ${value}`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        padding: '12px 16px',
        background: '#fff',
        border: `1px solid ${palette.border}`,
        borderTop: `3px solid ${color}`,
        borderRadius: 4,
        color: palette.text,
        minWidth: 0,
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <span style={{ fontSize: 28, fontWeight: 600, color, lineHeight: 1.2, whiteSpace: 'nowrap' }}>{value}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {hint ?? ' '}
      </Typography.Text>
    </a>
  );
}
