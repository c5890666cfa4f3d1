import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { User } from '../../../shared/api/schemas';
import type { Township } from '../../../shared/api/setup';
import { ApiError } from '../../../shared/errors';
import { api } from '../api/client';
import { setSession } from '../api/session';
import { AuthShell } from '../components/AuthShell';

interface Values {
  username: string;
  password: string;
}

interface Props {
  township: Township | null;
  username?: string;
  notice?: string;
  onLogin: (user: User) => void;
}

/** 登录: Enter submits; the server's Chinese error shows under the form. */
export function LoginPage({ township, username, notice, onLogin }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const { session, user } = await api.auth.login({ username: v.username ?? '', password: v.password ?? '' });
      setSession(session);
      onLogin(user);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const place = township ? `${township.countyName}${township.name}综治中心` : undefined;
  return (
    <AuthShell title="登录" subtitle={place && <span data-testid="login-township">{place}</span>}>
      {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <Form<Values> name="login" layout="vertical" requiredMark={false} initialValues={{ username }} onFinish={submit}>
        <Form.Item label="用户名" name="username">
          <Input autoFocus={!username} autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password">
          <Input.Password autoFocus={Boolean(username)} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
        {error && <Alert data-testid="login-error" type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      </Form>
    </AuthShell>
  );
}
