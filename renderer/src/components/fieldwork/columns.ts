import type { ColDef } from 'ag-grid-community';
import type { Building, Visit } from '../../../../shared/api/fieldwork';
import { BUILDING_KIND_LABELS, VISIT_METHOD_LABELS } from '../../../../shared/fieldwork/codes';

const dash = (p: { value: unknown }) => (p.value === null || p.value === undefined ? '—' : String(p.value));

export const VISIT_COLUMNS: ColDef<Visit>[] = [
  { field: 'visitedOn', headerName: '走访日期', width: 110 },
  {
    colId: 'place',
    headerName: '村（社区）/网格',
    width: 190,
    valueGetter: (p) => (p.data ? `${p.data.villageName} / ${p.data.gridName}` : ''),
  },
  { field: 'subjectName', headerName: '走访对象', width: 100 },
  { field: 'address', headerName: '住址', width: 200, tooltipField: 'address' },
  { field: 'phoneMasked', headerName: '联系电话', width: 130, valueFormatter: dash },
  {
    colId: 'method',
    headerName: '方式',
    width: 70,
    valueGetter: (p) => (p.data ? VISIT_METHOD_LABELS[p.data.method] : ''),
  },
  { field: 'visitorName', headerName: '走访人', width: 90 },
  { field: 'content', headerName: '走访内容', flex: 1, minWidth: 220, tooltipField: 'content' },
  { field: 'issues', headerName: '反映问题', width: 180, tooltipField: 'issues', valueFormatter: dash },
  {
    field: 'caseNumber',
    headerName: '转为事件',
    width: 190,
    valueFormatter: dash,
    cellStyle: { fontFamily: 'monospace' },
  },
];

export const BUILDING_COLUMNS: ColDef<Building>[] = [
  { field: 'name', headerName: '小区/楼院名称', width: 150, pinned: 'left' },
  {
    colId: 'kind',
    headerName: '类型',
    width: 96,
    valueGetter: (p) => (p.data ? BUILDING_KIND_LABELS[p.data.kind] : ''),
  },
  {
    colId: 'place',
    headerName: '村（社区）/网格',
    width: 190,
    valueGetter: (p) => (p.data ? `${p.data.villageName} / ${p.data.gridName}` : ''),
  },
  { field: 'address', headerName: '地址', flex: 1, minWidth: 150, tooltipField: 'address' },
  { field: 'buildingCount', headerName: '楼栋数', width: 72, type: 'numericColumn' },
  { field: 'households', headerName: '户数', width: 72, type: 'numericColumn' },
  { field: 'residents', headerName: '人数', width: 72, type: 'numericColumn' },
  { field: 'shops', headerName: '商户数', width: 72, type: 'numericColumn' },
  {
    field: 'propertyCompany',
    headerName: '物业公司',
    width: 160,
    valueFormatter: dash,
    tooltipField: 'propertyCompany',
  },
  {
    colId: 'safety',
    headerName: '安全联络人',
    width: 160,
    valueGetter: (p) =>
      p.data?.safetyContactName
        ? `${p.data.safetyContactName} ${p.data.safetyContactPhoneMasked ?? ''}`.trim()
        : (p.data?.safetyContactPhoneMasked ?? '—'),
  },
  {
    colId: 'coordinates',
    headerName: '经纬度',
    width: 170,
    valueGetter: (p) =>
      p.data?.longitude != null && p.data.latitude != null ? `${p.data.longitude}, ${p.data.latitude}` : '—',
  },
  { field: 'collectedOn', headerName: '采集日期', width: 110 },
  { field: 'collectorName', headerName: '采集人', width: 90 },
];
