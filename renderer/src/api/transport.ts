import type { Transport } from '../../../shared/api/client';
import type { RpcResult } from '../../../shared/errors';
import { getRunToken, getSession } from './session';

const UNREACHABLE: RpcResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接到综治工作台服务' },
};

function isRpcResult(body: unknown): body is RpcResult<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** Electron: the preload's single `invoke`. */
export const ipcTransport: Transport = async (method, input) => {
  try {
    return await window.zongzhi!.invoke(method, { input, session: getSession() });
  } catch {
    return UNREACHABLE;
  }
};

/** Browser host on loopback: the body is always an RpcResult, whatever the HTTP status. */
export const httpTransport: Transport = async (method, input) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const runToken = getRunToken();
  if (runToken) headers['X-Zongzhi-Token'] = runToken;
  const session = getSession();
  if (session) headers['X-Zongzhi-Session'] = session;
  try {
    const response = await fetch(`/api/rpc/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const body: unknown = await response.json();
    return isRpcResult(body) ? body : UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
};

export function pickTransport(): Transport {
  return typeof window.zongzhi?.invoke === 'function' ? ipcTransport : httpTransport;
}
