import { contextBridge, ipcRenderer } from 'electron';

// The page's only door to the main process: one generic call, checked and dispatched there.
contextBridge.exposeInMainWorld('zongzhi', {
  invoke: (method: string, payload: unknown) => ipcRenderer.invoke('zongzhi:rpc', method, payload),
});
