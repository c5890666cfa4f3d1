/** The official forms this version produces, in the order the 报表 page lists them. */
import { ApiError } from '../../../../shared/errors';
import { caseHandlingForm } from './case-handling';
import { caseLedgerForm } from './case-ledger';
import { disputesForm } from './disputes';
import { fieldworkYearlyForm } from './fieldwork-yearly';
import { gridBasicsForm } from './grid-basics';
import { gridRosterForm } from './grid-roster';
import { householdVisitsForm } from './household-visits';
import type { ReportForm } from './types';

export const REPORT_FORMS: readonly ReportForm[] = [
  gridBasicsForm,
  gridRosterForm,
  caseHandlingForm,
  disputesForm,
  caseLedgerForm,
  householdVisitsForm,
  fieldworkYearlyForm,
];

export function formById(id: string): ReportForm {
  const form = REPORT_FORMS.find((f) => f.definition.id === id);
  if (!form) {
    const known = REPORT_FORMS.map((f) => `${f.definition.id}（${f.definition.name}）`).join('、');
    throw new ApiError('NOT_FOUND', `没有编号为 ${id} 的报表，可用的报表：${known}`);
  }
  return form;
}
