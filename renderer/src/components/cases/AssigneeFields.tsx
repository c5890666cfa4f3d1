import { Form, Input, Select, type SelectProps } from 'antd';
import { ASSIGNEE_KIND_LABELS, ASSIGN_KINDS, type AssigneeKind } from '../../../../shared/cases/loop-payloads';
import { api } from '../../api/client';
import { useLoader } from '../../hooks/useLoader';

interface Props {
  gridId: string;
}

/**
 * 交办 to a grid worker (this grid's first), a village (rows of ours, chosen from a list), or a
 * township office (站所, named only). Going up to the county is 提级, not 交办.
 */
export function AssigneeFields({ gridId }: Props) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch<AssigneeKind | undefined>(['assignee', 'kind'], form);
  const targets = useLoader(async (): Promise<Record<'gridWorker' | 'village', SelectProps['options']>> => {
    const [inGrid, workers, villages] = await Promise.all([
      api.people.list({ gridId, postType: 'worker' }),
      api.people.list({ postType: 'worker' }),
      api.org.listVillages({ includeRetired: false }),
    ]);
    const own = new Set(inGrid.map((p) => p.id));
    const others = workers.filter((p) => !own.has(p.id));
    return {
      gridWorker: [
        { label: '本网格', options: inGrid.map((p) => ({ value: p.id, label: p.name, title: p.posts.join('；') })) },
        { label: '其他网格', options: others.map((p) => ({ value: p.id, label: p.name, title: p.posts.join('；') })) },
      ].filter((g) => g.options.length > 0),
      village: villages.map((v) => ({ value: v.id, label: v.name })),
    };
  }, gridId);

  const chosen = kind === 'gridWorker' || kind === 'village';
  return (
    <>
      <Form.Item name={['assignee', 'kind']} label="承办方类型">
        <Select
          options={ASSIGN_KINDS.map((k) => ({ value: k, label: ASSIGNEE_KIND_LABELS[k] }))}
          onChange={(next: AssigneeKind) => form.setFieldValue('assignee', { kind: next })}
        />
      </Form.Item>
      {chosen && (
        <Form.Item name={['assignee', 'name']} hidden>
          <Input />
        </Form.Item>
      )}
      {chosen ? (
        <Form.Item name={['assignee', 'id']} label={`选择${ASSIGNEE_KIND_LABELS[kind]}`}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            // The payload carries the name too: the timeline says who, even if the row is renamed later.
            onChange={(_: string, option?: unknown) =>
              form.setFieldValue(['assignee', 'name'], (option as { label?: string } | undefined)?.label ?? '')
            }
            loading={targets.loading}
            options={kind === 'gridWorker' ? targets.data?.gridWorker : targets.data?.village}
            notFoundContent={kind === 'gridWorker' ? '还没有网格员，请先在「人员管理」中添加任职' : '暂无村（社区）'}
          />
        </Form.Item>
      ) : (
        kind && (
          <Form.Item name={['assignee', 'name']} label={`${ASSIGNEE_KIND_LABELS[kind]}名称`}>
            <Input
              maxLength={60}
              placeholder={kind === 'office' ? '如：派出所、司法所、综合执法队' : '如：县自然资源局'}
            />
          </Form.Item>
        )
      )}
    </>
  );
}
