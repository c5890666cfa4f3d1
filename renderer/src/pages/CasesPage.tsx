import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { CASE_REVEAL_ROLES, casesApi } from '../../../shared/api/cases';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { PageFrame } from '../components/PageFrame';
import { CaseDrawer } from '../components/cases/CaseDrawer';
import { CaseFilters } from '../components/cases/CaseFilters';
import { caseQueryString, parseCaseQuery, type CaseFilter } from '../components/cases/caseQuery';
import { CaseTable } from '../components/cases/CaseTable';
import { OnSpotModal } from '../components/cases/OnSpotModal';
import { RegisterCaseModal } from '../components/cases/RegisterCaseModal';
import { useLoader } from '../hooks/useLoader';

/** Writes the filter into the address without a hashchange (reload and links keep it). */
function writeCaseQuery(filter: CaseFilter): void {
  const query = caseQueryString(filter);
  const hash = `#/cases${query ? `?${decodeURIComponent(query)}` : ''}`;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/** 事件: the case list (filters in the address, so links and reloads keep them), 登记事件 and the case drawer. */
export function CasesPage() {
  const { user } = useAuth();
  const [filter, setFilterState] = useState<CaseFilter>(() => parseCaseQuery(window.location.hash));
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [registering, setRegistering] = useState(false);
  const [onSpot, setOnSpot] = useState(false);
  const canOnSpot = (casesApi['cases.recordOnSpot'].access as readonly string[]).includes(user.role);
  const [drawer, setDrawer] = useState<{ caseId: string; openId: number } | null>(null);
  const openCount = useRef(0);

  const setFilter = (next: CaseFilter) => {
    setFilterState(next);
    writeCaseQuery(next);
  };
  // A link followed while the page is open (the 工作台's numbers) replaces the filters.
  useEffect(() => {
    const onChange = () => setFilterState(parseCaseQuery(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const refs = useLoader(
    () =>
      Promise.all([
        api.org.listVillages({ includeRetired: false }),
        api.org.listGrids({ includeRetired: false }),
        api.taxonomy.list({}),
      ]),
    'case-refs',
  );
  const [villages, grids, taxonomy] = refs.data ?? [[], [], undefined];
  const openCase = (caseId: string) => setDrawer({ caseId, openId: ++openCount.current });
  const refresh = () => setVersion((v) => v + 1);

  return (
    <PageFrame
      title="事件"
      toolbar={
        <Space>
          {canOnSpot && (
            <Button icon={<CheckCircleOutlined aria-hidden />} onClick={() => setOnSpot(true)}>
              就地化解
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)}>
            登记事件
          </Button>
        </Space>
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
        <CaseFilters value={filter} onChange={setFilter} villages={villages} grids={grids} taxonomy={taxonomy} />
        <span style={{ color: '#8a94a6' }} data-testid="case-count">
          {total === null ? '正在加载…' : `共 ${total} 件`} · 报告人电话已脱敏显示，点击一行查看详情
        </span>
        <div style={{ flex: 1, minHeight: 0 }}>
          <CaseTable filter={filter} version={version} onTotal={setTotal} onOpen={(row) => openCase(row.id)} />
        </div>
      </div>
      {registering && (
        <RegisterCaseModal
          taxonomy={taxonomy}
          villages={villages}
          grids={grids}
          onClose={() => setRegistering(false)}
          onCreated={(detail) => {
            refresh();
            openCase(detail.case.id);
          }}
        />
      )}
      {onSpot && (
        <OnSpotModal
          taxonomy={taxonomy}
          villages={villages}
          grids={grids}
          onClose={() => setOnSpot(false)}
          onCreated={(detail) => {
            refresh();
            openCase(detail.case.id);
          }}
        />
      )}
      {drawer && (
        <CaseDrawer
          key={drawer.openId}
          caseId={drawer.caseId}
          canReveal={CASE_REVEAL_ROLES.includes(user.role)}
          onClose={() => setDrawerState(drawer.openId)}
          onChanged={refresh}
        />
      )}
    </PageFrame>
  );

  function setDrawerState(openId: number) {
    setDrawer((current) => (current?.openId === openId ? null : current));
  }
}
