import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { CaseFilter } from '../../../shared/api/cases';
import type { DashboardSummary } from '../../../shared/api/dashboard';
import { HANDLED_STATES, formatRate } from '../../../shared/cases/handling-rate';
import { formatDateZh } from '../../../shared/dates';
import { api } from '../api/client';
import { EChart } from '../components/EChart';
import { PageFrame } from '../components/PageFrame';
import { casesHash } from '../components/cases/caseQuery';
import { byCategoryOption, byStateOption, monthLabel, trendOption } from '../components/home/chartOptions';
import { StatTile } from '../components/home/StatTile';
import { useLoader } from '../hooks/useLoader';
import { palette, panelStyle } from '../theme';

const THIS_MONTH = { quick: 'thisMonth' } as const;

/** A chart's bar opens the list it counts, as a tile's link does. */
function openCases(filter: CaseFilter): void {
  window.location.hash = casesHash(filter);
}

function Tiles({ d }: { d: DashboardSummary }) {
  const t = d.tiles;
  const n = (v: number) => v.toLocaleString('zh-CN');
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
      <StatTile label="待我处理" value={n(t.mine)} href={casesHash({ quick: 'mine' })} hint="等待本岗位办理" />
      <StatTile
        label="即将超期"
        value={n(t.dueSoon)}
        href={casesHash({ quick: 'dueSoon' })}
        hint="已用时限 70% 以上"
        color="#c27c0e"
      />
      <StatTile
        label="已超期"
        value={n(t.overdue)}
        href={casesHash({ quick: 'overdue' })}
        hint="超过本环节时限"
        color={palette.red}
      />
      <StatTile label="待审核" value={n(t.review)} href={casesHash({ quick: 'review' })} hint="甄别、延期、办结" />
      <StatTile label="本月受理" value={n(t.monthReceived)} href={casesHash(THIS_MONTH)} hint="本月登记的事件" />
      <StatTile
        label="本月办结"
        value={n(t.monthClosed)}
        href={casesHash({ ...THIS_MONTH, states: ['closed'] })}
        hint="本月登记且已办结"
        color="#2f9e6b"
      />
      <StatTile
        label="处置率"
        value={formatRate(d.rate)}
        href={casesHash({ ...THIS_MONTH, states: [...HANDLED_STATES] })}
        hint={`本月已处置 ${n(t.monthHandled)} / 受理 ${n(t.monthReceived)}`}
        color="#2f9e6b"
      />
    </div>
  );
}

function ChartPanel({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ ...panelStyle, padding: 12, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月暂无事件" style={{ height: 196 }} />
      ) : (
        children
      )}
    </section>
  );
}

function Charts({ d }: { d: DashboardSummary }) {
  const stateOpt = useMemo(() => byStateOption(d), [d]);
  const categoryOpt = useMemo(() => byCategoryOption(d), [d]);
  const trendOpt = useMemo(() => trendOption(d), [d]);
  const first = d.trend[0]!;
  const last = d.trend.at(-1)!;
  return (
    <>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: 12 }}>
        <ChartPanel title="本月事件（按状态）" empty={d.byState.length === 0}>
          <EChart
            label="本月事件按状态统计"
            option={stateOpt}
            onClick={(_s, i) => openCases({ states: [d.byState[i]!.state], ...THIS_MONTH })}
          />
        </ChartPanel>
        <ChartPanel title="本月事件（按大类）" empty={d.byCategory.length === 0}>
          <EChart
            label="本月事件按大类统计"
            option={categoryOpt}
            onClick={(_s, i) => openCases({ categoryCode: d.byCategory[i]!.code, ...THIS_MONTH })}
          />
        </ChartPanel>
      </div>
      <ChartPanel title={`近 12 个月受理与办结（${monthLabel(first.month)}—${monthLabel(last.month)}）`} empty={false}>
        <EChart
          label="近12个月受理与办结趋势"
          option={trendOpt}
          style={{ height: 240 }}
          onClick={(series, i) => {
            const m = d.trend[i]!;
            const period = { createdFrom: m.from, createdTo: m.to };
            openCases(series === 1 ? { states: ['closed'], ...period } : period);
          }}
        />
      </ChartPanel>
    </>
  );
}

/** 工作台: the numbers that need attention today and this month's picture; each opens its list. */
export function HomePage() {
  const summary = useLoader(() => api.dashboard.summary({}), 'home');
  const d = summary.data;
  return (
    <PageFrame
      title="工作台"
      toolbar={
        <>
          {d && (
            <Typography.Text type="secondary">
              统计月份：{formatDateZh(`${d.month.from}T00:00:00+08:00`)}至{formatDateZh(`${d.month.to}T00:00:00+08:00`)}
              ；办结、处置率按本月登记的事件计
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void summary.reload()} loading={summary.loading}>
            刷新
          </Button>
        </>
      }
    >
      <div style={{ height: '100%', overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 12 }}>
        {d ? (
          <>
            <Tiles d={d} />
            <Charts d={d} />
          </>
        ) : (
          <Spin style={{ marginTop: 48 }} />
        )}
      </div>
    </PageFrame>
  );
}
