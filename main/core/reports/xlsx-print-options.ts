/**
 * exceljs 4.4's streaming writer never writes `<printOptions>`, so `horizontalCentered` is lost
 * (the in-memory writer keeps it). This puts the element back where the schema wants it, right
 * before `<pageMargins>`. It leans on the writer's private methods; the frame's tests read the
 * setting back from both writers, so an exceljs upgrade that moves them fails loudly.
 */
import type { Worksheet } from 'exceljs';

interface StreamSheetInternals {
  _writePageMargins?: () => void;
  _write: (xml: string) => void;
  pageSetup: { horizontalCentered?: boolean; verticalCentered?: boolean };
}

export function keepPrintOptions(ws: Worksheet): void {
  const sheet = ws as unknown as StreamSheetInternals;
  const writeMargins = sheet._writePageMargins;
  if (typeof writeMargins !== 'function') throw new Error('exceljs 的流式写入接口已变化，无法写入打印居中设置');
  sheet._writePageMargins = function (this: StreamSheetInternals) {
    const attrs = [
      this.pageSetup.horizontalCentered ? ' horizontalCentered="1"' : '',
      this.pageSetup.verticalCentered ? ' verticalCentered="1"' : '',
    ].join('');
    if (attrs) this._write(`<printOptions${attrs}/>`);
    writeMargins.call(this);
  };
}
