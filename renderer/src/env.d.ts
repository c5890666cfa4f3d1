import type { RpcResult } from '../../shared/errors';

/** What the Electron preload exposes through contextBridge, and nothing else. */
export interface ZongzhiBridge {
  invoke(method: string, payload: { input: unknown; session: string | null }): Promise<RpcResult<unknown>>;
}

declare global {
  interface Window {
    zongzhi?: ZongzhiBridge;
  }
}
