import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Spin, Switch, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import type { Village } from '../../../../shared/api/org';
import type { Township } from '../../../../shared/api/setup';
import { palette, panelStyle } from '../../theme';
import { VillageTree } from './VillageTree';

interface Props {
  township: Township;
  villages: Village[];
  loading: boolean;
  includeRetired: boolean;
  onIncludeRetiredChange: (value: boolean) => void;
  selectedId: string | null;
  onSelect: (villageId: string | null) => void;
  onCreate?: () => void;
  menuFor?: (village: Village) => MenuProps | null;
}

/** Left side of 网格与人员: search, 显示已撤销, 新增村（社区）, and the tree. */
export function VillagePanel(props: Props) {
  const { villages, includeRetired, onIncludeRetiredChange, onCreate } = props;
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const q = search.trim();
    return q ? villages.filter((v) => v.name.includes(q) || v.code.includes(q)) : villages;
  }, [villages, search]);

  return (
    <section aria-label="村（社区）列表" style={{ ...panelStyle, width: 320, flexShrink: 0 }}>
      <div style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 10 }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden style={{ color: palette.muted }} />}
          placeholder="搜索村（社区）名称或代码"
          aria-label="搜索村（社区）"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6, cursor: 'pointer' }}>
            <Switch size="small" checked={includeRetired} onChange={onIncludeRetiredChange} aria-label="显示已撤销" />
            显示已撤销
          </label>
          {onCreate && (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={onCreate}>
              新增村（社区）
            </Button>
          )}
        </div>
      </div>
      <div style={{ flex: 1, overflow: 'auto', borderTop: `1px solid ${palette.border}`, padding: '8px 4px' }}>
        <Spin spinning={props.loading}>
          <VillageTree
            township={props.township}
            villages={shown}
            totalCount={villages.length}
            selectedId={props.selectedId}
            onSelect={props.onSelect}
            menuFor={props.menuFor}
          />
        </Spin>
      </div>
    </section>
  );
}
