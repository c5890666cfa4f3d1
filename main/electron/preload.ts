import { contextBridge, ipcRenderer } from 'electron';

// The page's doors to the main process: one generic call, checked and dispatched there, plus the
// save dialogs and print window of the 报表 page (main/electron/report-ipc.ts).
contextBridge.exposeInMainWorld('zongzhi', {
  invoke: (method: string, payload: unknown) => ipcRenderer.invoke('zongzhi:rpc', method, payload),
  saveReport: (fileName: string, base64: string) => ipcRenderer.invoke('zongzhi:save-report', fileName, base64),
  printReport: (html: string, paper: string, landscape: boolean) =>
    ipcRenderer.invoke('zongzhi:print-report', html, paper, landscape),
  chooseLedgerPath: (fileName: string) => ipcRenderer.invoke('zongzhi:choose-ledger-path', fileName),
  saveLedger: (ticket: string, jobId: string, session: string | null) =>
    ipcRenderer.invoke('zongzhi:save-ledger', ticket, jobId, session),
});
