/** The frame's words around the table: title, 填报单位 line, signature line, page footer. */
import { formatDateZh } from '../../../shared/dates';
import type { ReportData, ReportDefinition, Signatures } from './definition';
import { PERIOD_KIND_LABELS } from './periods';

export const DEFAULT_TITLE = '{期间}{单位}{表名}';

export function reportTitle(definition: ReportDefinition, data: Pick<ReportData, 'unit' | 'titleUnit' | 'period'>) {
  const pieces: Record<string, string> = {
    期间: data.period.label,
    单位: data.titleUnit ?? data.unit,
    表名: definition.name,
  };
  return (definition.title ?? DEFAULT_TITLE).replace(/\{(期间|单位|表名)\}/g, (_, k: string) => pieces[k]!);
}

/** `填报单位（盖章）：…` on the left, `月份：2026年10月` on the right. */
export function headerLine(data: Pick<ReportData, 'unit' | 'period'>): { left: string; right: string } {
  return {
    left: `填报单位（盖章）：${data.unit}`,
    right: `${PERIOD_KIND_LABELS[data.period.kind]}：${data.period.label}`,
  };
}

/** Room left after a blank label for a pen; full-width spaces keep their width in every font. */
const BLANK = '\u3000\u3000\u3000\u3000';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The four parts of the signature line, each `标签：值`, blanks left wide enough to write in. */
export function signatureParts(s: Signatures = {}): string[] {
  const field = (label: string, value?: string) => `${label}：${value?.trim() || BLANK}`;
  const typed = s.date?.trim() ?? '';
  // An ISO day prints as 2026年11月03日; anything else the clerk typed prints as typed.
  const date = ISO_DAY.test(typed)
    ? formatDateZh(`${typed}T00:00:00Z`)
    : typed || '\u3000\u3000年\u3000\u3000月\u3000\u3000日';
  return [field('填报人', s.preparer), field('审核人', s.reviewer), field('联系电话', s.phone), `填报日期：${date}`];
}

/** Excel's footer codes: centred, &P this page, &N all pages. */
export const XLSX_FOOTER = '&C第 &P 页 共 &N 页';
