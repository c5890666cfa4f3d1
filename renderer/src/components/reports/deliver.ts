import { getRunToken, getSession } from '../../api/session';

/**
 * Getting an exported workbook to the clerk and a preview to the printer: in Electron through the
 * preload's save dialog and print window; in the browser as a download and window.print.
 */
export async function saveWorkbook(fileName: string, base64: string): Promise<boolean> {
  if (window.zongzhi?.saveReport) return window.zongzhi.saveReport(fileName, base64);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type: XLSX_TYPE }));
  return true;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A finished ledger job's file in browser mode: GET from the host with the run token and the
 * session (the route checks both), then saved as a download.
 */
export async function downloadLedger(jobId: string, fileName: string): Promise<void> {
  const headers: Record<string, string> = {};
  const token = getRunToken();
  const session = getSession();
  if (token) headers['X-Zongzhi-Token'] = token;
  if (session) headers['X-Zongzhi-Session'] = session;
  const response = await fetch(`/api/reports/ledger/${encodeURIComponent(jobId)}`, { headers });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? '下载导出文件失败');
  }
  downloadBlob(fileName, new Blob([await response.arrayBuffer()], { type: XLSX_TYPE }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The preview frame prints itself: its `@page` CSS sets paper and orientation. */
export function printPreview(
  frame: HTMLIFrameElement | null,
  html: string,
  paper: 'A4' | 'A3',
  orientation: 'portrait' | 'landscape',
): void {
  if (window.zongzhi?.printReport) {
    void window.zongzhi.printReport(html, paper, orientation === 'landscape');
    return;
  }
  frame?.contentWindow?.print();
}
