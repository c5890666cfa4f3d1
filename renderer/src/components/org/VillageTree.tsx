import { BankOutlined } from '@ant-design/icons';
import { Dropdown, Tag, Tree, type MenuProps } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { Village } from '../../../../shared/api/org';
import type { Township } from '../../../../shared/api/setup';
import { palette } from '../../theme';
import { VillageTag } from './VillageTag';

export const TOWNSHIP_KEY = 'township';

interface Props {
  township: Township;
  villages: Village[];
  /** Villages matching the search; null when not searching. */
  totalCount: number;
  selectedId: string | null;
  onSelect: (villageId: string | null) => void;
  /** The right-click menu of a village; none when the user may do nothing there. */
  menuFor?: (village: Village) => MenuProps | null;
}

function VillageTitle({ village, menu }: { village: Village; menu: MenuProps | null }) {
  const retired = village.retiredAt !== null;
  const title = (
    <span
      data-testid={`village-node-${village.code}`}
      title={`${village.name}（${village.code}）${retired ? '，已撤销' : ''}，在用网格 ${village.gridCount} 个`}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 2,
        whiteSpace: 'nowrap',
        color: retired ? palette.muted : undefined,
      }}
    >
      <VillageTag kind={village.kind} />
      <span style={{ textDecoration: retired ? 'line-through' : undefined }}>{village.name}</span>
      <span style={{ color: palette.muted, fontSize: 12, marginInlineStart: 6 }}>{village.code}</span>
      {retired && (
        <Tag style={{ marginInlineStart: 6 }} variant="filled">
          已撤销
        </Tag>
      )}
      <span
        aria-label={`网格 ${village.gridCount} 个`}
        style={{
          marginInlineStart: 6,
          minWidth: 20,
          padding: '0 6px',
          borderRadius: 10,
          background: village.gridCount ? '#e8eef7' : '#f2f3f5',
          color: village.gridCount ? palette.blue : palette.muted,
          fontSize: 12,
          lineHeight: '18px',
          textAlign: 'center',
        }}
      >
        {village.gridCount}
      </span>
    </span>
  );
  return menu ? (
    <Dropdown menu={menu} trigger={['contextMenu']}>
      {title}
    </Dropdown>
  ) : (
    title
  );
}

/** The township with its villages and communities; selecting the township shows every grid. */
export function VillageTree({ township, villages, totalCount, selectedId, onSelect, menuFor }: Props) {
  const treeData: DataNode[] = [
    {
      key: TOWNSHIP_KEY,
      icon: <BankOutlined aria-hidden />,
      title: (
        <span data-testid="village-node-township">
          {township.name}
          <span style={{ color: palette.muted, fontSize: 12, marginInlineStart: 6 }}>
            {villages.length === totalCount ? `${totalCount} 个村（社区）` : `${villages.length} / ${totalCount}`}
          </span>
        </span>
      ),
      children: villages.map((v) => ({
        key: v.id,
        isLeaf: true,
        title: <VillageTitle village={v} menu={menuFor?.(v) ?? null} />,
      })),
    },
  ];
  return (
    <Tree
      aria-label="村（社区）"
      showIcon
      blockNode
      treeData={treeData}
      expandedKeys={[TOWNSHIP_KEY]}
      selectedKeys={[selectedId ?? TOWNSHIP_KEY]}
      onSelect={(keys, info) => {
        const key = info.node.key === TOWNSHIP_KEY ? null : String(info.node.key);
        // Clicking the selected node again keeps it selected.
        onSelect(keys.length === 0 ? (selectedId ?? null) : key);
      }}
    />
  );
}
