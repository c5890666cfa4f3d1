import { Button, Space, Typography } from 'antd';
import { LOOP_ACTION_LABELS, type LoopAction } from '../../../../shared/cases/loop';

// The next step along the loop stands out; decisions that stop or reverse it are marked.
const PRIMARY: readonly LoopAction[] = ['report', 'accept', 'assign', 'resolve', 'feedback', 'close'];
const DANGER: readonly LoopAction[] = ['reject', 'sendBack', 'denyExtension'];

interface Props {
  actions: LoopAction[];
  onPick: (action: LoopAction) => void;
}

/** One button per action cases.get says this role may take now; the server checks again. */
export function CaseActions({ actions, onPick }: Props) {
  if (actions.length === 0) {
    return <Typography.Text type="secondary">当前没有您可以执行的操作</Typography.Text>;
  }
  return (
    <Space wrap data-testid="case-actions">
      {actions.map((a) => (
        <Button
          key={a}
          type={PRIMARY.includes(a) ? 'primary' : 'default'}
          danger={DANGER.includes(a)}
          onClick={() => onPick(a)}
        >
          {LOOP_ACTION_LABELS[a]}
        </Button>
      ))}
    </Space>
  );
}
