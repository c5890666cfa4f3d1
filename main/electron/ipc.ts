import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatchAny, type Dispatch } from '../core/rpc/dispatcher';
import type { ApiErrorBody, RpcResult } from '../../shared/errors';
import { isAppPage, type RendererSource } from './origin';

export const RPC_CHANNEL = 'zongzhi:rpc';

function fail(code: ApiErrorBody['code'], message: string): RpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The IPC carrier of the one contract: (method, { input, session }) → core.dispatch → result object.
 * Only our window's top frame showing our page may call; nothing is ever thrown back across IPC.
 */
/** Only our window's top frame showing our page; every channel checks this before anything else. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  source: RendererSource,
  mainWindow: () => BrowserWindow | null,
): boolean {
  const win = mainWindow();
  const frame = event.senderFrame;
  if (!win || !frame || event.sender.id !== win.webContents.id) return false;
  // Compared by token: WebFrameMain wrappers are not guaranteed to be the same JS object.
  return frame.frameToken === win.webContents.mainFrame.frameToken && isAppPage(source, frame.url);
}

export function registerRpc(dispatch: Dispatch, source: RendererSource, mainWindow: () => BrowserWindow | null) {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, source, mainWindow);

  ipcMain.handle(
    RPC_CHANNEL,
    (event, method: unknown, payload: unknown): RpcResult<unknown> | Promise<RpcResult<unknown>> => {
      if (!trusted(event)) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
      if (typeof method !== 'string' || method === '') return fail('VALIDATION', '调用格式不正确：缺少功能名称');
      if (!isPlainObject(payload)) return fail('VALIDATION', '调用格式不正确：参数必须是对象');
      const { input, session } = payload;
      if (session !== undefined && session !== null && typeof session !== 'string') {
        return fail('VALIDATION', '调用格式不正确：登录凭据无效');
      }
      try {
        return dispatchAny(dispatch, { method, input, session });
      } catch (err) {
        // The dispatcher already turns errors into results; this only guards the transport.
        console.error(`[rpc] ${method}`, err);
        return fail('INTERNAL', '内部错误，请重试或联系管理员');
      }
    },
  );
}
