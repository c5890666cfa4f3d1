import {
  ApartmentOutlined,
  AlertOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SaveOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useAuth } from '../auth';
import { AppHeader } from '../components/AppHeader';
import { useHashRoute } from '../hooks/useHashRoute';
import { DEFAULT_ROUTE, routesFor } from '../routes';
import { AuditPage } from './AuditPage';
import { BackupsPage } from './BackupsPage';
import { HomePage } from './HomePage';
import { HotlinePage } from './HotlinePage';
import { CasesPage } from './CasesPage';
import { FieldworkPage } from './FieldworkPage';
import { OrgPage } from './OrgPage';
import { SyncPage } from './SyncPage';
import { PeoplePage } from './PeoplePage';
import { ReportsPage } from './ReportsPage';
import { UsersPage } from './UsersPage';
import { WorkLogsPage } from './WorkLogsPage';

const PAGES: Record<string, { icon: ReactNode; page: () => ReactNode }> = {
  home: { icon: <DashboardOutlined aria-hidden />, page: () => <HomePage /> },
  cases: { icon: <AlertOutlined aria-hidden />, page: () => <CasesPage /> },
  hotline: { icon: <PhoneOutlined aria-hidden />, page: () => <HotlinePage /> },
  org: { icon: <ApartmentOutlined aria-hidden />, page: () => <OrgPage /> },
  people: { icon: <IdcardOutlined aria-hidden />, page: () => <PeoplePage /> },
  fieldwork: { icon: <HomeOutlined aria-hidden />, page: () => <FieldworkPage /> },
  worklogs: { icon: <ProfileOutlined aria-hidden />, page: () => <WorkLogsPage /> },
  reports: { icon: <FileTextOutlined aria-hidden />, page: () => <ReportsPage /> },
  users: { icon: <TeamOutlined aria-hidden />, page: () => <UsersPage /> },
  backups: { icon: <SaveOutlined aria-hidden />, page: () => <BackupsPage /> },
  audit: { icon: <FileSearchOutlined aria-hidden />, page: () => <AuditPage /> },
  sync: { icon: <CloudUploadOutlined aria-hidden />, page: () => <SyncPage /> },
};

/** Header, the left menu of the pages this role may use, and the current page. */
export function MainLayout() {
  const { user } = useAuth();
  const [route, navigate] = useHashRoute();
  const routes = routesFor(user.role);
  const current = routes.find((r) => r.key === route) ?? routes.find((r) => r.key === DEFAULT_ROUTE)!;

  useEffect(() => {
    if (route !== current.key) navigate(current.key);
  }, [route, current.key, navigate]);

  return (
    <Layout style={{ height: '100%' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider width={152} theme="light" style={{ borderRight: '1px solid #e5e8ee' }}>
          <Menu
            mode="inline"
            aria-label="主菜单"
            selectedKeys={[current.key]}
            onClick={({ key }) => navigate(key)}
            items={routes.map((r) => ({ key: r.key, label: r.label, icon: PAGES[r.key]?.icon }))}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
          {PAGES[current.key]?.page()}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
