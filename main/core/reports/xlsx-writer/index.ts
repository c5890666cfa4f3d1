export { XlsxWriter, type XlsxValue, type XlsxWriterOptions } from './workbook-writer';
export type { CellStyle, FontSpec } from './style-registry';
export type { PageSetup, SheetSetup } from './sheet-xml';
export { SHARED_STRING_LIMITS, type SharedStringLimits } from './shared-strings';
export { cellText, EXCEL_CELL_MAX } from './xml-text';
