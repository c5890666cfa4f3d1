/**
 * 突发事件 reports to the county: the 首报 at registration, 续报 as it develops, one 终报 when it is
 * over. Pure rules, so core refuses and the drawer offers only what is allowed.
 */
import { EMERGENCY_REPORT_KIND_LABELS, type EmergencyReportKind } from './codes';
import { CASE_STATE_LABELS, FINAL_STATES, type CaseState } from './loop';

/** A report is a few paragraphs, like a case summary. */
export const EMERGENCY_REPORT_MAX = 2000;

/** Kinds added after registration (the 首报 comes with the case itself). */
export const LATER_REPORT_KINDS = ['followUp', 'final'] as const satisfies readonly EmergencyReportKind[];
export type LaterReportKind = (typeof LATER_REPORT_KINDS)[number];

/** Ended without being handled: nothing more to report on. */
const NOT_HANDLED: readonly CaseState[] = ['merged', 'rejected', 'filed'];

/**
 * Why `kind` may not be added now, or null. Decided: 续报 only while the case is open and before the
 * 终报; the 终报 once, after the 首报, while open or once 办结 (the outcome is often known only then);
 * nothing after the 终报.
 */
export function emergencyReportRefusal(
  c: { emergency: boolean; state: CaseState },
  have: readonly EmergencyReportKind[],
  kind: LaterReportKind,
): string | null {
  const label = EMERGENCY_REPORT_KIND_LABELS[kind];
  if (!c.emergency) return '只有突发事件才报送首报、续报、终报';
  if (!have.includes('first')) return `尚无首报，不能报送${label}`;
  if (have.includes('final')) return `已报送终报，不能再报送${label}`;
  if (NOT_HANDLED.includes(c.state)) return `事件已${CASE_STATE_LABELS[c.state]}，不能报送${label}`;
  if (kind === 'followUp' && FINAL_STATES.includes(c.state)) return '事件已办结，请报送终报';
  return null;
}
