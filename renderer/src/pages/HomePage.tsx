import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { CaseFilter } from '../../../shared/api/cases';
import type { DashboardSummary } from '../../../shared/api/dashboard';
import { figureFilter, type CaseFigure } from '../../../shared/cases/figures';
import { formatRate } from '../../../shared/rate';
import { formatDateZh } from '../../../shared/dates';
import { api } from '../api/client';
import { EChart } from '../components/EChart';
import { PageFrame } from '../components/PageFrame';
import { casesHash } from '../components/cases/caseQuery';
import { fieldworkHash } from '../components/fieldwork/fieldworkQuery';
import { reportsHash } from '../components/reports/period';
import { byCategoryOption, byStateOption, monthLabel, trendOption } from '../components/home/chartOptions';
import { StatTile } from '../components/home/StatTile';
import { useLoader } from '../hooks/useLoader';
import { palette, panelStyle } from '../theme';

const THIS_MONTH = { quick: 'thisMonth' } as const;

/** A figure of this month's cases, as the list filter that counts it (shared/cases/figures.ts). */
const monthFigure = (figure: CaseFigure): CaseFilter => ({ ...THIS_MONTH, ...figureFilter(figure) });

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
      <StatTile label="本月登记" value={n(t.monthRegistered)} href={casesHash(THIS_MONTH)} hint="本月登记的全部事项" />
      <StatTile
        label="本月受理"
        value={n(t.monthAccepted)}
        href={casesHash(monthFigure('accepted'))}
        hint="甄别有效（不含不予受理、合并、备案）"
      />
      <StatTile
        label="本月办结"
        value={n(t.monthClosed)}
        href={casesHash(monthFigure('closed'))}
        hint="本月登记且已办结"
        color="#2f9e6b"
      />
      <StatTile
        label="办结率"
        value={formatRate(d.rate)}
        href={casesHash(monthFigure('closed'))}
        hint={`办结 ${n(t.monthClosed)} / 受理 ${n(t.monthAccepted)}`}
        color="#2f9e6b"
      />
      <StatTile
        label="本月化解"
        value={n(t.monthResolved)}
        href={casesHash(monthFigure('resolved'))}
        hint="矛盾纠纷调解成功"
        color="#2f9e6b"
      />
      <StatTile
        label="就地化解"
        value={n(t.monthOnSpot)}
        href={casesHash(monthFigure('onSpot'))}
        hint="发现即办结"
        color="#2f9e6b"
      />
    </div>
  );
}

/**
 * This year's work, township-wide: the 网格化服务管理工作情况统计表's 合计 row. A number with a list of
 * its own opens it; 诉求 are counted over several sources, so they open the form.
 */
function YearTiles({ d }: { d: DashboardSummary }) {
  const y = d.year;
  const n = (v: number) => v.toLocaleString('zh-CN');
  const period = { createdFrom: y.from, createdTo: y.to };
  const form = reportsHash('fieldwork-yearly', String(y.year));
  return (
    <section aria-label="本年工作情况" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Typography.Text strong>{y.year}年工作情况（全镇）</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}>
        <StatTile
          label="楼院采集"
          value={n(y.buildings)}
          href={fieldworkHash('buildings', { from: y.from, to: y.to })}
          hint="本年采集的小区、楼院"
          color={palette.blue}
        />
        <StatTile
          label="入户走访"
          value={n(y.visits)}
          href={fieldworkHash('visits', { from: y.from, to: y.to, method: 'in_person' })}
          hint="本年入户走访户次（不含电话、视频）"
        />
        <StatTile label="收集群众诉求" value={n(y.appeals)} href={form} hint="来电、12345、来访" />
        <StatTile
          label="化解矛盾纠纷"
          value={n(y.disputesResolved)}
          href={casesHash({ ...period, ...figureFilter('resolved') })}
          hint="调解成功的矛盾纠纷"
          color="#2f9e6b"
        />
        <StatTile
          label="办理事项"
          value={n(y.accepted)}
          href={casesHash({ ...period, ...figureFilter('accepted') })}
          hint="本年受理的事项"
        />
        <StatTile
          label="办结率"
          value={formatRate(y.closedRate)}
          href={casesHash({ ...period, ...figureFilter('closed') })}
          hint={`办结 ${n(y.closed)} / 受理 ${n(y.accepted)}`}
          color="#2f9e6b"
        />
      </div>
    </section>
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
      <ChartPanel title={`近 12 个月登记与办结（${monthLabel(first.month)}—${monthLabel(last.month)}）`} empty={false}>
        <EChart
          label="近12个月登记与办结趋势"
          option={trendOpt}
          style={{ height: 240 }}
          onClick={(series, i) => {
            const m = d.trend[i]!;
            const period = { createdFrom: m.from, createdTo: m.to };
            openCases(series === 1 ? { ...period, ...figureFilter('closed') } : period);
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
              ；受理、办结、办结率按本月登记的事项计
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
            <YearTiles d={d} />
          </>
        ) : (
          <Spin style={{ marginTop: 48 }} />
        )}
      </div>
    </PageFrame>
  );
}
