/** The 报表 page's save and print channels, against a stand-in for Electron (no binary here). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rendererSource } from '../../main/electron/origin';
import { checkFileName, registerReportIpc } from '../../main/electron/report-ipc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const { handlers, saveDialog, printed } = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  saveDialog: vi.fn(),
  printed: [] as unknown[],
}));
vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { print: (options: unknown, done: () => void) => (printed.push(options), done()) };
    loadURL = async (url: string) => void printed.push(decodeURIComponent(url.split(',')[1]!));
    destroy() {}
  }
  const ses = { setPermissionRequestHandler() {}, webRequest: { onBeforeRequest() {} } };
  return {
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
    dialog: { showSaveDialog: saveDialog },
    app: { getPath: () => '/home/clerk/Documents' },
    session: { fromPartition: () => ses },
    BrowserWindow,
  };
});

const source = rendererSource('/app/out', undefined);
const mainFrame = { frameToken: 'top', url: 'file:///app/out/renderer/index.html#/reports' };
const win = { webContents: { id: 1, mainFrame } };
const fromPage = { sender: { id: 1 }, senderFrame: { ...mainFrame } };
const fromElsewhere = { sender: { id: 1 }, senderFrame: { frameToken: 'top', url: 'https://example.com/' } };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-ipc-'));

beforeEach(() => {
  handlers.clear();
  saveDialog.mockReset();
  printed.length = 0;
  registerReportIpc(source, () => win as never, ledgerFile);
});

// A finished job's workbook, as the core hands it to the session that ran the job.
const jobFile = path.join(dir, 'job.xlsx');
fs.writeFileSync(jobFile, 'PK-ledger');
const ledgerFile = (jobId: string, session: string | null) => {
  if (jobId !== 'job-1' || session !== 's-lu') throw new Error('没有这个导出任务');
  return { file: jobFile };
};

describe('导出台账 in Electron', () => {
  it('asks for the path before the job starts, then copies the finished file there', async () => {
    const target = path.join(dir, 'ledger.xlsx');
    saveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const ticket = await handlers.get('zongzhi:choose-ledger-path')!(fromPage, '2026年度玉井镇事件台账.xlsx');
    expect(typeof ticket).toBe('string');
    expect(saveDialog.mock.calls[0]![1]).toMatchObject({
      defaultPath: '/home/clerk/Documents/2026年度玉井镇事件台账.xlsx',
    });
    expect(fs.existsSync(target)).toBe(false);
    expect(await handlers.get('zongzhi:save-ledger')!(fromPage, ticket, 'job-1', 's-lu')).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('PK-ledger');
    // A ticket is good once.
    expect(await handlers.get('zongzhi:save-ledger')!(fromPage, ticket, 'job-1', 's-lu')).toBe(false);
  });

  it('keeps the ticket and the old file when the copy fails, so 保存 can be tried again', async () => {
    const target = path.join(dir, 'busy.xlsx');
    fs.writeFileSync(target, 'old');
    saveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const ticket = await handlers.get('zongzhi:choose-ledger-path')!(fromPage, '台账.xlsx');
    // The session has expired: the job's file cannot be had.
    await expect(handlers.get('zongzhi:save-ledger')!(fromPage, ticket, 'job-1', 's-old')).rejects.toThrow();
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(await handlers.get('zongzhi:save-ledger')!(fromPage, ticket, 'job-1', 's-lu')).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('PK-ledger');
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });

  it('gives no ticket when cancelled or called from elsewhere, and saves nothing for an unknown ticket', async () => {
    saveDialog.mockResolvedValue({ canceled: true });
    expect(await handlers.get('zongzhi:choose-ledger-path')!(fromPage, '台账.xlsx')).toBeNull();
    expect(await handlers.get('zongzhi:choose-ledger-path')!(fromElsewhere, '台账.xlsx')).toBeNull();
    expect(await handlers.get('zongzhi:choose-ledger-path')!(fromPage, '../台账.xlsx')).toBeNull();
    expect(await handlers.get('zongzhi:save-ledger')!(fromPage, 'made-up', 'job-1', 's-lu')).toBe(false);
  });
});

describe('导出 Excel in Electron', () => {
  it('offers the file name in Documents and writes the bytes where the clerk chose', async () => {
    const target = path.join(dir, 'chosen.xlsx');
    saveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const ok = await handlers.get('zongzhi:save-report')!(fromPage, '2026年10月玉井镇网格员花名册.xlsx', 'UEsDBA==');
    expect(ok).toBe(true);
    expect(saveDialog.mock.calls[0]![1]).toMatchObject({
      defaultPath: '/home/clerk/Documents/2026年10月玉井镇网格员花名册.xlsx',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    expect(fs.readFileSync(target)).toEqual(Buffer.from('UEsDBA==', 'base64'));
  });

  it('writes nothing when cancelled, called from elsewhere, or given a path or junk', async () => {
    saveDialog.mockResolvedValue({ canceled: true });
    const save = handlers.get('zongzhi:save-report')!;
    expect(await save(fromPage, '表.xlsx', 'UEs=')).toBe(false);
    expect(await save(fromElsewhere, '表.xlsx', 'UEs=')).toBe(false);
    expect(await save(fromPage, '../表.xlsx', 'UEs=')).toBe(false);
    expect(await save(fromPage, '表.xlsx', 'not base64!')).toBe(false);
    expect(saveDialog).toHaveBeenCalledTimes(1);
    expect(checkFileName('表.exe')).toBeNull();
    expect(checkFileName('C:\\表.xlsx')).toBeNull();
  });
});

describe('打印 in Electron', () => {
  it('prints the form’s HTML on its paper and orientation', async () => {
    await handlers.get('zongzhi:print-report')!(fromPage, '<h1>花名册</h1>', 'A3', true);
    expect(printed).toEqual(['<h1>花名册</h1>', { pageSize: 'A3', landscape: true, printBackground: true }]);
  });

  it('ignores calls from other pages and unknown paper', async () => {
    await handlers.get('zongzhi:print-report')!(fromElsewhere, '<h1>x</h1>', 'A4', false);
    await handlers.get('zongzhi:print-report')!(fromPage, '<h1>x</h1>', 'Letter', false);
    expect(printed).toEqual([]);
  });
});
