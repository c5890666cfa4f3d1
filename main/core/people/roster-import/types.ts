/** What parsing a 网格员花名册 produces: whole-file problems, or one result per data row. */
import type { Education, Employment, PoliticalStatus, Sex } from '../../../../shared/people/codes';
import type { PhoneKind } from '../../../../shared/people/phone';
import type { RosterField } from './columns';

/** One roster line, normalised; sex and birth date come from the ID number. */
export interface RosterPerson {
  grid: string | null;
  name: string;
  /** Always 18 characters (a 15-digit number is upgraded, see `idLegacy`). */
  idNumber: string;
  idLegacy: boolean;
  sex: Sex;
  birthDate: string;
  phone: string | null;
  phoneKind: PhoneKind | null;
  employment: Employment | null;
  politicalStatus: PoliticalStatus | null;
  education: Education | null;
  registeredOn: string | null;
  address: string | null;
  remarks: string | null;
}

export interface RosterIssue {
  field: RosterField;
  /** The column's header as written in the file, so the clerk finds it. */
  column: string;
  message: string;
  /** `第 7 行 身份证号：校验位错误，应为 X` */
  text: string;
}

export type RosterRowResult =
  | { row: number; ok: true; person: RosterPerson; notes: string[] }
  | { row: number; ok: false; issues: RosterIssue[]; name: string | null; idNumberMasked: string | null };

export type RosterFileErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_XLSX'
  | 'LEGACY_XLS'
  | 'ENCRYPTED'
  | 'CORRUPT'
  | 'EMPTY_WORKBOOK'
  | 'NO_HEADER'
  | 'MERGED_HEADER'
  | 'DUPLICATE_COLUMN'
  | 'MISSING_COLUMNS'
  | 'TOO_MANY_ROWS'
  | 'TOO_LARGE';

export interface RosterFileError {
  code: RosterFileErrorCode;
  /** One Chinese sentence saying what is wrong and what to do. */
  message: string;
}

export interface RosterColumn {
  field: RosterField;
  header: string;
  /** Spreadsheet column letter, e.g. `C`. */
  letter: string;
}

export interface RosterSheet {
  sheetName: string;
  headerRow: number;
  columns: RosterColumn[];
  /** File-level remarks that do not stop the import (ignored columns, other sheets). */
  warnings: string[];
  rows: RosterRowResult[];
}

export type RosterParseResult = ({ ok: true } & RosterSheet) | ({ ok: false } & RosterFileError);
