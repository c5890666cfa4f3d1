import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureRunToken } from './api/session';
import { Root } from './App';
import { antdTheme } from './theme';

dayjs.locale('zh-cn');
ModuleRegistry.registerModules([AllCommunityModule]);
captureRunToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={antdTheme} button={{ autoInsertSpace: false }}>
      <Root />
    </ConfigProvider>
  </StrictMode>,
);
