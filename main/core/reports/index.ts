/** The print frame every official form is drawn on; form modules import from here. */
export * from './definition';
export * from './periods';
export { renderXlsx, type XlsxOptions, type XlsxResult, type XlsxTarget } from './xlsx';
export { renderHtml, escapeHtml } from './html';
