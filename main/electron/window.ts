import { BrowserWindow } from 'electron';
import { isAppPage, pageUrl, type RendererSource } from './origin';

/** The one window: sandboxed, isolated, no Node, no popups, no navigating away from our page. */
export function createMainWindow(source: RendererSource, preload: string): BrowserWindow {
  const win = new BrowserWindow({
    title: '综治工作台',
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });

  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(source, url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppPage(source, url)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());

  if (source.kind === 'dev') void win.loadURL(pageUrl(source));
  else void win.loadFile(source.indexHtml);
  return win;
}
