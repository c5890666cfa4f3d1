import { Alert } from 'antd';
import { gridSizeWarnings } from '../../../../shared/org/grid';

/** Live size guidance while typing: a warning, never a reason to refuse the save. */
export function GridSizeAlert({ households, residents }: { households?: number | null; residents?: number | null }) {
  const warnings = gridSizeWarnings(households ?? 0, residents ?? 0);
  if (warnings.length === 0) return null;
  return (
    <Alert
      data-testid="grid-size-warning"
      type="warning"
      showIcon
      title="超出网格规模指引（仅作提示，仍可保存）"
      description={warnings.map((w) => (
        <div key={w}>{w}</div>
      ))}
      style={{ marginBottom: 16 }}
    />
  );
}
