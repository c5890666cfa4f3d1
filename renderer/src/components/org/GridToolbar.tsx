import { EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import type { Grid } from '../../../../shared/api/org';

interface Props {
  /** Why 新增网格 is unavailable, or null when it is available. */
  createBlocked: string | null;
  selected: Grid | null;
  count: number;
  onCreate?: () => void;
  onEdit: () => void;
  onToggleRetired?: () => void;
  onSearch: (search: string) => void;
}

/** 新增网格 / 编辑 / 撤销·恢复 and the search box above the grid list. */
export function GridToolbar({ createBlocked, selected, count, onCreate, onEdit, onToggleRetired, onSearch }: Props) {
  const retired = selected?.retiredAt != null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <Space wrap>
        {onCreate && (
          <Tooltip title={createBlocked}>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              disabled={createBlocked !== null}
              onClick={onCreate}
            >
              新增网格
            </Button>
          </Tooltip>
        )}
        <Button icon={<EditOutlined aria-hidden />} disabled={!selected} onClick={onEdit}>
          {onCreate ? '编辑' : '查看'}
        </Button>
        {onToggleRetired && (
          <Button
            danger={!retired}
            icon={retired ? <RollbackOutlined aria-hidden /> : <StopOutlined aria-hidden />}
            disabled={!selected}
            onClick={onToggleRetired}
          >
            {retired ? '恢复' : '撤销'}
          </Button>
        )}
      </Space>
      <div style={{ flex: 1 }} />
      <span style={{ color: '#8a94a6' }} data-testid="grid-count">
        共 {count} 个网格
      </span>
      <Input.Search
        allowClear
        aria-label="搜索网格"
        placeholder="搜索网格名称或编码"
        style={{ width: 240 }}
        onSearch={(value) => onSearch(value.trim())}
      />
    </div>
  );
}
