/** The 工作台's bar charts as ECharts options, one builder per chart. */
import type { DashboardSummary } from '../../../../shared/api/dashboard';
import { CASE_STATE_LABELS } from '../../../../shared/cases/loop';
import type { ChartOption } from '../EChart';
import { palette } from '../../theme';

const AXIS_LABEL = { color: palette.text, fontSize: 12 };

function bars(categories: string[], series: { name: string; color: string; data: number[] }[]): ChartOption {
  return {
    animation: false,
    grid: { left: 40, right: 16, top: series.length > 1 ? 36 : 16, bottom: 28, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    xAxis: { type: 'category', data: categories, axisLabel: { ...AXIS_LABEL, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      barMaxWidth: 36,
      itemStyle: { color: s.color },
      label: { show: true, position: 'top', color: palette.text },
      cursor: 'pointer',
    })),
  };
}

export function byStateOption(d: DashboardSummary): ChartOption {
  return bars(
    d.byState.map((b) => CASE_STATE_LABELS[b.state]),
    [{ name: '件数', color: palette.blue, data: d.byState.map((b) => b.count) }],
  );
}

export function byCategoryOption(d: DashboardSummary): ChartOption {
  return bars(
    d.byCategory.map((b) => b.name),
    [{ name: '件数', color: '#3f7cbf', data: d.byCategory.map((b) => b.count) }],
  );
}

/** `2026-03` → `2026年3月`. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

export function trendOption(d: DashboardSummary): ChartOption {
  return bars(
    d.trend.map((m) => monthLabel(m.month)),
    [
      { name: '登记', color: palette.blue, data: d.trend.map((m) => m.registered) },
      { name: '办结', color: '#2f9e6b', data: d.trend.map((m) => m.closed) },
    ],
  );
}
