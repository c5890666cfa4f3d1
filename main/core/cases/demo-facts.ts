/**
 * The facts of issue-15 cases the demo generator adds to its bulk rows: 重大矛盾纠纷 flags, 上级交办
 * orders with their own deadline, and 突发事件 with 首报/续报/终报. Kept apart from demo.ts, which walks
 * the loop, so each stays one job.
 */
import type { EmergencyReportKind, MajorDisputeGround } from '../../../shared/cases/codes';
import { shanghaiDateIso } from '../../../shared/dates';

type Rand = { next: () => number; int: (n: number) => number; pick: <T>(items: readonly T[]) => T };

const DAY = 86_400_000;

/** 重大: every dispute of 50 or more people, and a few over large sums or at risk of escalating. */
export function majorDisputeFacts(rand: Rand, dispute: boolean, peopleInvolved: number) {
  if (!dispute) return { major_dispute: 0, major_grounds: null };
  const grounds: MajorDisputeGround[] = [];
  if (peopleInvolved >= 50) grounds.push('crowd');
  if (rand.next() < 0.015) grounds.push('amount');
  if (rand.next() < 0.01) grounds.push('escalation');
  return grounds.length
    ? { major_dispute: 1, major_grounds: JSON.stringify(grounds) }
    : { major_dispute: 0, major_grounds: null };
}

/** 上级交办: the county's 文号 and a 办理时限 5–15 days after the order came in. */
export function orderFacts(rand: Rand, source: string, t0: number, countyName: string) {
  if (source !== 'superior') return { order_ref: null, order_due_date: null };
  const year = shanghaiDateIso(new Date(t0)).slice(0, 4);
  return {
    order_ref: `${countyName}综治办〔${year}〕${1 + rand.int(180)}号`,
    order_due_date: shanghaiDateIso(new Date(t0 + (5 + rand.int(11)) * DAY)),
  };
}

const FIRST = ['现场已疏散围观群众，派出所、应急办已到场处置', '已组织人员赶赴现场，初步核实无人员伤亡'];
const FOLLOW = ['现场秩序已恢复，相关人员正在做善后工作', '事件原因正在调查，暂无次生风险'];
const FINAL = ['事件已处置完毕，现场恢复正常，无人员伤亡', '善后工作已完成，相关责任已落实'];

/** 首报 at registration, a 续报 within hours, and the 终报 once the case is closed. */
export function emergencyReports(
  rand: Rand,
  t0: number,
  closedAt: number | null,
  end: number,
): { kind: EmergencyReportKind; at: number; content: string }[] {
  const reports: { kind: EmergencyReportKind; at: number; content: string }[] = [
    { kind: 'first', at: t0 + 60_000, content: rand.pick(FIRST) },
  ];
  const follow = t0 + (2 + rand.int(6)) * 3_600_000;
  if (follow < end && (closedAt === null || follow < closedAt))
    reports.push({ kind: 'followUp', at: follow, content: rand.pick(FOLLOW) });
  if (closedAt !== null && closedAt + 600_000 < end)
    reports.push({ kind: 'final', at: closedAt + 600_000, content: rand.pick(FINAL) });
  return reports;
}
