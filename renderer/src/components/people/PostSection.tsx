import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { Post } from '../../../../shared/api/people';
import { EndPostModal } from './EndPostModal';
import { PostModal } from './PostModal';
import { SubListSection } from './SubListSection';

interface Props {
  personId: string;
  personName: string;
  posts: Post[];
  readOnly: boolean;
  onChanged: () => void;
}

const StatusCell = ({ data }: ICellRendererParams<Post>) =>
  data?.endDate ? <Tag variant="filled">已离任</Tag> : <Tag color="success">在任</Tag>;

const COLUMNS: ColDef<Post>[] = [
  { field: 'label', headerName: '职务', flex: 1, minWidth: 220, tooltipField: 'label' },
  { field: 'startDate', headerName: '任职日期', width: 108 },
  { field: 'endDate', headerName: '离任日期', width: 108, valueFormatter: (p) => p.value ?? '—' },
  { colId: 'status', headerName: '状态', cellRenderer: StatusCell, width: 80 },
];

/** 任职 (current first, ended ones kept as history) with 新增任职 and 结束任职. */
export function PostSection({ personId, personName, posts, readOnly, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Post | null>(null);
  const current = posts.filter((p) => !p.endDate).length;
  const action = useCallback(
    (post: Post) =>
      post.endDate ? null : (
        <Button size="small" type="link" onClick={() => setEnding(post)} aria-label={`结束任职 ${post.label}`}>
          结束任职
        </Button>
      ),
    [],
  );

  return (
    <SubListSection<Post>
      title="任职"
      summary={`在任 ${current} 项，历任 ${posts.length - current} 项`}
      addLabel="新增任职"
      onAdd={() => setAdding(true)}
      readOnly={readOnly}
      testId="post-table"
      rows={posts}
      columns={COLUMNS}
      action={action}
      actionWidth={96}
      emptyText="暂无任职"
      getRowStyle={(p) => (p.endDate ? { color: '#8a94a6' } : undefined)}
    >
      {adding && (
        <PostModal personId={personId} personName={personName} onClose={() => setAdding(false)} onSaved={onChanged} />
      )}
      {ending && <EndPostModal post={ending} onClose={() => setEnding(null)} onSaved={onChanged} />}
    </SubListSection>
  );
}
