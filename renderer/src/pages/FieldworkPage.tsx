import { Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { casesApi } from '../../../shared/api/cases';
import { api } from '../api/client';
import { permissions, useAuth } from '../auth';
import { PageFrame } from '../components/PageFrame';
import { BuildingsTab } from '../components/fieldwork/BuildingsTab';
import { FieldworkFilters } from '../components/fieldwork/FieldworkFilters';
import {
  fieldworkHash,
  parseFieldworkQuery,
  type FieldworkFilter,
  type FieldworkTab,
} from '../components/fieldwork/fieldworkQuery';
import { VisitsTab } from '../components/fieldwork/VisitsTab';
import { useLoader } from '../hooks/useLoader';

/** Writes tab and filter into the address without a hashchange (reload and links keep them). */
function writeQuery(tab: FieldworkTab, filter: FieldworkFilter): void {
  const hash = fieldworkHash(tab, filter);
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/** 走访: 入户走访 and 楼院采集, each a list paged by core with its filters in the address. */
export function FieldworkPage() {
  const { user } = useAuth();
  const can = permissions(user.role);
  const [state, setState] = useState(() => parseFieldworkQuery(window.location.hash));
  const update = (tab: FieldworkTab, filter: FieldworkFilter) => {
    setState({ tab, filter });
    writeQuery(tab, filter);
  };
  // A link followed while the page is open replaces tab and filters.
  useEffect(() => {
    const onChange = () => setState(parseFieldworkQuery(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const refs = useLoader(
    () =>
      Promise.all([
        api.org.listVillages({ includeRetired: false }),
        api.org.listGrids({ includeRetired: false }),
        api.people.list({ incompleteOnly: false }),
      ]),
    'fieldwork-refs',
  );
  const taxonomy = useLoader(() => api.taxonomy.list({}), 'fieldwork-taxonomy');
  const [villages, grids, people] = refs.data ?? [[], [], []];
  const { tab, filter } = state;

  return (
    <PageFrame
      title="走访"
      toolbar={
        <Segmented<FieldworkTab>
          aria-label="走访类别"
          value={tab}
          // Each list has its own filters (走访方式 vs 楼院类型): switching starts clean.
          onChange={(next) => update(next, {})}
          options={[
            { value: 'visits', label: '入户走访' },
            { value: 'buildings', label: '楼院采集' },
          ]}
        />
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%' }}>
        <FieldworkFilters
          tab={tab}
          value={filter}
          onChange={(next) => update(tab, next)}
          villages={villages}
          grids={grids}
        />
        <div style={{ flex: 1, minHeight: 0 }}>
          {tab === 'visits' ? (
            <VisitsTab
              filter={filter}
              villages={villages}
              grids={grids}
              people={people}
              taxonomy={taxonomy.data}
              can={{
                edit: can.edit,
                reveal: can.reveal,
                registerCase: (casesApi['cases.create'].access as readonly string[]).includes(user.role),
              }}
            />
          ) : (
            <BuildingsTab filter={filter} villages={villages} grids={grids} people={people} can={can} />
          )}
        </div>
      </div>
    </PageFrame>
  );
}
