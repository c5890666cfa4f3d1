import { EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import type { Village } from '../../../../shared/api/org';
import type { Township } from '../../../../shared/api/setup';
import { palette } from '../../theme';
import { VillageTag } from './VillageTag';

interface Props {
  township: Township;
  village: Village | null;
  onRename?: (village: Village) => void;
  onToggleRetired?: (village: Village) => void;
}

/** What the grid list shows (the whole township or one village) and the village's own actions. */
export function ScopeBar({ township, village, onRename, onToggleRetired }: Props) {
  if (!village) {
    return (
      <div style={{ display: 'flex', alignItems: 'center', minHeight: 32 }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="scope-title">
          {township.name} · 全部网格
        </Typography.Title>
        <span style={{ color: palette.muted, marginInlineStart: 12 }}>在左侧选择村（社区）后可新增网格</span>
      </div>
    );
  }
  const retired = village.retiredAt !== null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 32 }}>
      <VillageTag kind={village.kind} />
      <Typography.Title level={5} style={{ margin: 0 }} data-testid="scope-title">
        {village.name}
      </Typography.Title>
      <span style={{ color: palette.muted }}>{village.code}</span>
      {retired && <Tag variant="filled">已撤销</Tag>}
      <div style={{ flex: 1 }} />
      <Space>
        {onRename && !retired && (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => onRename(village)}>
            修改名称
          </Button>
        )}
        {onToggleRetired && (
          <Button
            size="small"
            danger={!retired}
            icon={retired ? <RollbackOutlined aria-hidden /> : <StopOutlined aria-hidden />}
            onClick={() => onToggleRetired(village)}
          >
            {retired ? '恢复村（社区）' : '撤销村（社区）'}
          </Button>
        )}
      </Space>
    </div>
  );
}
