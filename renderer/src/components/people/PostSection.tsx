import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { Post } from '../../../../shared/api/people';
import { DataGrid } from '../DataGrid';
import { EndPostModal } from './EndPostModal';
import { PostModal } from './PostModal';
import { SectionHeader } from './SectionHeader';

interface Props {
  personId: string;
  personName: string;
  posts: Post[];
  readOnly: boolean;
  onChanged: () => void;
}

const StatusCell = ({ data }: ICellRendererParams<Post>) =>
  data?.endDate ? <Tag variant="filled">已离任</Tag> : <Tag color="success">在任</Tag>;

/** 任职 (current first, ended ones kept as history) with 新增任职 and 结束任职. */
export function PostSection({ personId, personName, posts, readOnly, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Post | null>(null);
  const current = posts.filter((p) => !p.endDate).length;

  const columns = useMemo<ColDef<Post>[]>(() => {
    const Actions = ({ data }: ICellRendererParams<Post>) =>
      data && !data.endDate ? (
        <Button size="small" type="link" onClick={() => setEnding(data)} aria-label={`结束任职 ${data.label}`}>
          结束任职
        </Button>
      ) : null;
    const base: ColDef<Post>[] = [
      { field: 'label', headerName: '职务', flex: 1, minWidth: 220, tooltipField: 'label' },
      { field: 'startDate', headerName: '任职日期', width: 108 },
      { field: 'endDate', headerName: '离任日期', width: 108, valueFormatter: (p) => p.value ?? '—' },
      { colId: 'status', headerName: '状态', cellRenderer: StatusCell, width: 80 },
    ];
    return readOnly ? base : [...base, { colId: 'actions', headerName: '操作', cellRenderer: Actions, width: 96 }];
  }, [readOnly]);

  return (
    <section aria-label="任职">
      <SectionHeader
        title="任职"
        summary={`在任 ${current} 项，历任 ${posts.length - current} 项`}
        actions={
          !readOnly && (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              新增任职
            </Button>
          )
        }
      />
      <DataGrid<Post>
        testId="post-table"
        rowData={posts}
        columnDefs={columns}
        height={40 + Math.max(posts.length, 2) * 36 + 2}
        emptyText="暂无任职"
        getRowStyle={(p) => (p.data?.endDate ? { color: '#8a94a6' } : undefined)}
      />
      {adding && (
        <PostModal personId={personId} personName={personName} onClose={() => setAdding(false)} onSaved={onChanged} />
      )}
      {ending && <EndPostModal post={ending} onClose={() => setEnding(null)} onSaved={onChanged} />}
    </section>
  );
}
