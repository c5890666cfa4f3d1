import { Tag, Tooltip } from 'antd';
import type { CaseSummary } from '../../../../shared/api/cases';
import { majorGroundsText } from '../../../../shared/cases/codes';
import { CASE_STATE_LABELS, type CaseState } from '../../../../shared/cases/loop';
import { SUPERVISION_LEVEL_LABELS, type SupervisionLevel } from '../../../../shared/cases/loop-payloads';

const STATE_COLORS: Record<CaseState, string> = {
  registered: 'default',
  reported: 'blue',
  screening: 'geekblue',
  accepted: 'cyan',
  assigned: 'purple',
  handling: 'orange',
  handled: 'gold',
  fedBack: 'lime',
  closed: 'green',
  merged: 'default',
  rejected: 'default',
  filed: 'default',
};

export function StateTag({ state }: { state: CaseState }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="case-state">
      {CASE_STATE_LABELS[state]}
    </Tag>
  );
}

export const LIGHT_LABELS = { green: '正常', yellow: '即将超期', red: '已超期' } as const;
const LIGHT_COLORS = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** The running step's traffic light, computed by core at the time of the call. */
export function LightTag({ light }: { light: CaseSummary['light'] }) {
  if (!light) return <span style={{ color: '#8a94a6' }}>—</span>;
  return (
    <Tag color={LIGHT_COLORS[light]} data-testid="case-light">
      {LIGHT_LABELS[light]}
    </Tag>
  );
}

const SUPERVISION_COLORS: Record<SupervisionLevel, string> = { normal: 'blue', yellow: 'gold', red: 'red' };

export function SupervisionTag({ level }: { level: SupervisionLevel | null }) {
  if (!level) return null;
  return <Tag color={SUPERVISION_COLORS[level]}>{SUPERVISION_LEVEL_LABELS[level]}</Tag>;
}

/** 重大矛盾纠纷: the flag the clerk set, its grounds on hover. */
export function MajorDisputeTag({ c }: { c: Pick<CaseSummary, 'majorDispute' | 'majorGrounds'> }) {
  if (!c.majorDispute) return null;
  return (
    <Tooltip title={`认定依据：${majorGroundsText(c.majorGrounds)}`}>
      <Tag color="volcano" data-testid="case-major-dispute">
        重大矛盾纠纷
      </Tag>
    </Tooltip>
  );
}

/** 就地化解: found and settled on the spot, registered already closed. */
export function OnSpotTag({ onSpot }: { onSpot: boolean }) {
  if (!onSpot) return null;
  return (
    <Tag color="green" data-testid="case-onspot">
      就地化解
    </Tag>
  );
}
