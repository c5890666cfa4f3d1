import { Tag } from 'antd';
import { VILLAGE_KIND_LABELS, type VillageKind } from '../../../../shared/org/codes';

/** 村 in green, 社区 in blue, so the two are told apart at a glance. */
export function VillageTag({ kind }: { kind: VillageKind }) {
  return (
    <Tag color={kind === 'community' ? 'blue' : 'green'} style={{ marginInlineEnd: 6 }}>
      {VILLAGE_KIND_LABELS[kind]}
    </Tag>
  );
}
