import { App as AntApp, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '../../shared/api/schemas';
import type { Township } from '../../shared/api/setup';
import { ApiError } from '../../shared/errors';
import { api } from './api/client';
import { clearSession, getSession, onSessionExpired } from './api/session';
import { AuthContext, type AuthState } from './auth';
import { LoginPage } from './pages/LoginPage';
import { MainLayout } from './pages/MainLayout';
import { SetupPage } from './pages/SetupPage';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; township: Township | null; username?: string; notice?: string }
  | { kind: 'main'; township: Township; user: User };

/** Which screen shows: setup on a fresh install, login without a session, else the main layout. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [township, setTownship] = useState<Township | null>(null);

  const boot = useCallback(async (after?: { username?: string }) => {
    setPhase({ kind: 'loading' });
    try {
      const status = await api.setup.status({});
      setTownship(status.township);
      if (!status.initialized || !status.township) return setPhase({ kind: 'setup' });
      if (getSession()) {
        try {
          const user = await api.auth.me({});
          return setPhase({ kind: 'main', township: status.township, user });
        } catch {
          clearSession();
        }
      }
      setPhase({ kind: 'login', township: status.township, username: after?.username });
    } catch (err) {
      setPhase({ kind: 'unreachable', message: err instanceof ApiError ? err.message : String(err) });
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () =>
      onSessionExpired(() =>
        setPhase((p) => (p.kind === 'main' ? { kind: 'login', township, notice: '登录已失效，请重新登录' } : p)),
      ),
    [township],
  );

  const logout = useCallback(async () => {
    try {
      await api.auth.logout({});
    } catch {
      // The session is dropped locally whatever the server says.
    }
    clearSession();
    setPhase({ kind: 'login', township });
  }, [township]);

  const auth = useMemo<AuthState | null>(
    () => (phase.kind === 'main' ? { user: phase.user, township: phase.township, logout } : null),
    [phase, logout],
  );

  switch (phase.kind) {
    case 'loading':
      return (
        <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
          <Spin size="large" description="正在连接综治工作台服务…" />
        </div>
      );
    case 'unreachable':
      return (
        <Result
          status="error"
          title={phase.message}
          subTitle="请确认综治工作台服务已启动后重试。"
          extra={
            <Button type="primary" onClick={() => void boot()}>
              重试
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupPage onDone={(username) => void boot({ username })} />;
    case 'login':
      return (
        <LoginPage
          township={phase.township}
          username={phase.username}
          notice={phase.notice}
          onLogin={(user) => phase.township && setPhase({ kind: 'main', township: phase.township, user })}
        />
      );
    case 'main':
      return (
        <AuthContext.Provider value={auth}>
          <MainLayout />
        </AuthContext.Provider>
      );
  }
}

/** antd's App supplies message/modal with the theme; kept here so main.tsx stays declarative. */
export function Root() {
  return (
    <AntApp style={{ height: '100%' }}>
      <App />
    </AntApp>
  );
}
