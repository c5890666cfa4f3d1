/** What a form module is: its declaration on the print frame plus how it reads its rows. */
import type { Connection, Db } from '../../db/connection';
import type { PiiCipher } from '../../crypto/pii';
import type { ReportDefinition, ReportRow } from '../definition';
import type { PeriodKind, ReportPeriod } from '../periods';

export type ReportScope = 'township' | 'village';

/** A form reads with a plain connection, so the export can build its rows outside a handler. */
export interface FormSource {
  conn: Pick<Connection, 'sqlite'>;
  /** The same connection for the case forms, which count through cases/list.ts's filters. */
  db: Db;
  pii: PiiCipher;
  /** The moment of the report (ISO): what 已超期 is measured against. */
  now: string;
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
  /**
   * What the counted columns mean, one sentence each, as `report --list` prints them: the county
   * queries a figure that does not match its definition, so the definition travels with the form.
   */
  columnNotes?: readonly string[];
  /** The rows for preview and export; a streamed form returns its first page and `rowCount`, all of them. */
  build(source: FormSource, params: FormParams): { rows: ReportRow[]; total?: boolean | ReportRow; rowCount?: number };
  /**
   * A form too long to hold in memory (事件台账, up to 100,000 rows): exported as a job that reads
   * the rows chunk by chunk; `between` is awaited between chunks so the event loop keeps turning.
   */
  stream?: {
    count(source: FormSource, params: FormParams): number;
    rows(source: FormSource, params: FormParams, between: () => Promise<void>): AsyncIterable<ReportRow>;
  };
}

export const ALL_PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year', 'range'];
