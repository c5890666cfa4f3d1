import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The application menu, in Chinese; Electron's built-in roles do the work. */
export function buildMenu(dataDir: string, mainWindow: () => BrowserWindow | null): Menu {
  const about = () => {
    const options = {
      type: 'info' as const,
      title: '关于综治工作台',
      message: `综治工作台 ${app.getVersion()}`,
      detail: `乡镇综治中心桌面工作台\n数据文件夹：${dataDir}`,
      buttons: ['确定'],
    };
    const win = mainWindow();
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  const openDataFolder = async () => {
    const error = await shell.openPath(dataDir);
    if (error) dialog.showErrorBox('无法打开数据文件夹', `${dataDir}\n${error}`);
  };

  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  return Menu.buildFromTemplate([
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '关于综治工作台', click: about },
        { label: '打开数据文件夹', click: () => void openDataFolder() },
      ],
    },
  ]);
}
