/** What a form module is: its declaration on the print frame plus how it reads its rows. */
import type { Connection, Db } from '../../db/connection';
import type { PiiCipher } from '../../crypto/pii';
import type { ReportDefinition, ReportRow } from '../definition';
import type { PeriodKind, ReportPeriod } from '../periods';

export type ReportScope = 'township' | 'village';

/** A form reads with a plain connection, so the export can build its rows outside a handler. */
export interface FormSource {
  conn: Pick<Connection, 'sqlite'>;
  /** The same connection through drizzle, for forms that count cases through cases/list.ts. */
  db: Db;
  pii: PiiCipher;
}

export interface FormParams {
  period: ReportPeriod;
  /** The village/community in scope, or null for the whole township. */
  villageId: string | null;
  /** Print full ID numbers and phones (only for a role that may, checked by the caller). */
  reveal: boolean;
}

export interface ReportForm {
  definition: ReportDefinition;
  periodKinds: readonly PeriodKind[];
  scopes: readonly ReportScope[];
  /** The form carries personal numbers that a 管理员 or 审核人 may ask to print in full. */
  revealable: boolean;
  build(source: FormSource, params: FormParams): { rows: ReportRow[]; total?: boolean | ReportRow };
}

export const ALL_PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'range'];
