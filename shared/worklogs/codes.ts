/**
 * 工作日志: work the grid does that is not a matter to walk through the loop — 政策宣传, 社情民意,
 * a 矛盾纠纷集中排查 session (counted as 开展集中排查次数), 便民服务.
 */
export const WORK_LOG_KINDS = ['publicity', 'opinion', 'disputeScreening', 'service'] as const;
export type WorkLogKind = (typeof WORK_LOG_KINDS)[number];
export const WORK_LOG_KIND_LABELS: Record<WorkLogKind, string> = {
  publicity: '政策宣传',
  opinion: '社情民意',
  disputeScreening: '矛盾纠纷集中排查',
  service: '便民服务',
};
