/**
 * Getting an exported workbook to the clerk and a preview to the printer: in Electron through the
 * preload's save dialog and print window; in the browser as a download and window.print.
 */
export async function saveWorkbook(fileName: string, base64: string): Promise<boolean> {
  if (window.zongzhi?.saveReport) return window.zongzhi.saveReport(fileName, base64);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
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
