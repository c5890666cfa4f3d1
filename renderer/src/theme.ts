import type { ThemeConfig } from 'antd';
import { themeQuartz } from 'ag-grid-community';
import type { CSSProperties } from 'react';

/** A calm government palette: deep blue for structure, a restrained red for emphasis. */
export const palette = {
  blue: '#1d4e89',
  blueDark: '#163d6b',
  red: '#b7282e',
  page: '#f2f4f7',
  border: '#dfe3ea',
  muted: '#8a94a6',
  text: '#1f2937',
} as const;

/** The white bordered panels a page is laid out in; each adds its own size and padding. */
export const panelStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  background: '#fff',
  border: `1px solid ${palette.border}`,
  borderRadius: 4,
};

/** Windows offices have 微软雅黑; Linux test machines have Noto CJK. */
export const fontFamily =
  '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Hiragino Sans GB", sans-serif';

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: palette.blue,
    colorLink: palette.blue,
    colorError: palette.red,
    colorBgLayout: palette.page,
    colorTextBase: palette.text,
    borderRadius: 4,
    fontFamily,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: palette.blue, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8eef7', itemSelectedColor: palette.blue, itemBorderRadius: 4 },
    Tree: { nodeSelectedBg: '#dce6f3', titleHeight: 30 },
  },
};

/** AG Grid in the same colours and font as the antd forms around it. */
export const gridTheme = themeQuartz.withParams({
  accentColor: palette.blue,
  fontFamily,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#f5f7fa',
  borderColor: palette.border,
  rowHeight: 36,
  cellHorizontalPadding: 10,
  headerHeight: 38,
  wrapperBorderRadius: 4,
  selectedRowBackgroundColor: '#dce6f3',
  rowHoverColor: '#f0f4fa',
});
