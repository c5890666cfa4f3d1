import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import { useAuth } from '../auth';
import { palette } from '../theme';
import { ChangePasswordModal } from './ChangePasswordModal';

/** The blue bar: app and township on the left, the user and their account actions on the right. */
export function AppHeader() {
  const { user, township, logout } = useAuth();
  const [changing, setChanging] = useState(false);
  const light = { color: '#fff' };
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, borderBottom: `3px solid ${palette.red}` }}>
      <div style={{ ...light, fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>综治工作台</div>
      <div data-testid="header-township" style={{ ...light, opacity: 0.85 }}>
        {township.countyName} · {township.name}综治中心
      </div>
      <div style={{ flex: 1 }} />
      <Space size="middle">
        <span data-testid="header-user" style={light}>
          <UserOutlined aria-hidden /> {user.displayName}
          <Tag style={{ marginInlineStart: 8 }} color={palette.red} variant="solid">
            {ROLE_LABELS[user.role]}
          </Tag>
        </span>
        <Button size="small" ghost icon={<KeyOutlined aria-hidden />} onClick={() => setChanging(true)}>
          修改密码
        </Button>
        <Button size="small" ghost icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()}>
          退出登录
        </Button>
      </Space>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </Layout.Header>
  );
}
