/**
 * The 报表 page's two doors into the shell: a save dialog for an exported workbook and the system
 * print dialog for a form's HTML on its paper and orientation. The core stays free of Electron;
 * the renderer hands over bytes it got from reports.export and HTML it got from reports.preview.
 * A streamed export (事件台账) asks for the path before its job starts and, once the job is done,
 * the finished file is copied there: the page holds a ticket, never a path.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from './ipc';
import type { RendererSource } from './origin';

export const SAVE_REPORT_CHANNEL = 'zongzhi:save-report';
export const PRINT_REPORT_CHANNEL = 'zongzhi:print-report';
export const CHOOSE_LEDGER_PATH_CHANNEL = 'zongzhi:choose-ledger-path';
export const SAVE_LEDGER_CHANNEL = 'zongzhi:save-ledger';

/** A finished ledger job's file for a session (throws when not theirs or not done). */
export type LedgerFileOf = (jobId: string, session: string | null) => { file: string };

const MAX_BYTES = 200 * 1024 * 1024;

/** A bare `.xlsx` file name (no folders), or null. */
export function checkFileName(name: unknown): string | null {
  if (typeof name !== 'string' || name.length > 200 || !name.endsWith('.xlsx')) return null;
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20);
  return control || /[\\/:*?"<>|]/.test(name) || name.startsWith('.') ? null : name;
}

export function checkBase64(text: unknown): Buffer | null {
  if (typeof text !== 'string' || text.length > (MAX_BYTES / 3) * 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    return null;
  }
  return Buffer.from(text, 'base64');
}

/** The print window's own session: it shows one data: page and fetches nothing. */
function printSession() {
  const ses = session.fromPartition('zongzhi-report-print');
  ses.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
  return ses;
}

export function registerReportIpc(
  source: RendererSource,
  mainWindow: () => BrowserWindow | null,
  ledgerFile: LedgerFileOf,
) {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, source, mainWindow);
  /** Paths the clerk chose for streamed exports, by ticket: the page never names a path itself. */
  const chosen = new Map<string, string>();

  ipcMain.handle(CHOOSE_LEDGER_PATH_CHANNEL, async (event, fileName: unknown): Promise<string | null> => {
    const win = mainWindow();
    const name = checkFileName(fileName);
    if (!trusted(event) || !win || !name) return null;
    const r = await dialog.showSaveDialog(win, {
      title: '导出台账',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (r.canceled || !r.filePath) return null;
    const ticket = randomUUID();
    chosen.set(ticket, r.filePath);
    return ticket;
  });

  ipcMain.handle(
    SAVE_LEDGER_CHANNEL,
    async (event, ticket: unknown, jobId: unknown, session: unknown): Promise<boolean> => {
      const target = typeof ticket === 'string' ? chosen.get(ticket) : undefined;
      if (!trusted(event) || !target || typeof jobId !== 'string') return false;
      const { file } = ledgerFile(jobId, typeof session === 'string' ? session : null);
      // Beside the target, then renamed: a failed copy (a file open in Excel) leaves the old file and
      // keeps the ticket, so 保存 can be tried again without exporting 100,000 rows again.
      const part = `${target}.part`;
      try {
        await fs.copyFile(file, part);
        await fs.rename(part, target);
      } catch (err) {
        await fs.rm(part, { force: true });
        throw err;
      }
      chosen.delete(ticket as string);
      return true;
    },
  );

  ipcMain.handle(SAVE_REPORT_CHANNEL, async (event, fileName: unknown, base64: unknown): Promise<boolean> => {
    const win = mainWindow();
    const name = checkFileName(fileName);
    const bytes = checkBase64(base64);
    if (!trusted(event) || !win || !name || !bytes) return false;
    const r = await dialog.showSaveDialog(win, {
      title: '导出 Excel',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    if (r.canceled || !r.filePath) return false;
    await fs.writeFile(r.filePath, bytes);
    return true;
  });

  ipcMain.handle(
    PRINT_REPORT_CHANNEL,
    async (event, html: unknown, paper: unknown, landscape: unknown): Promise<void> => {
      if (!trusted(event) || typeof html !== 'string' || (paper !== 'A4' && paper !== 'A3')) return;
      const win = new BrowserWindow({
        show: false,
        parent: mainWindow() ?? undefined,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false, session: printSession() },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        await new Promise<void>((resolve) =>
          win.webContents.print({ pageSize: paper, landscape: landscape === true, printBackground: true }, () =>
            resolve(),
          ),
        );
      } finally {
        win.destroy();
      }
    },
  );
}
