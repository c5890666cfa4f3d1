/**
 * A report request made concrete: the form, the parsed period, the village in scope and the data
 * the print frame draws, read in one snapshot. Preview, export and the CLI all come through here.
 */
import { eq } from 'drizzle-orm';
import type { SignatureDefaults } from '../../../shared/api/reports';
import { isRealDate, shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { villages } from '../org/schema';
import { getTownship } from '../setup/service';
import type { ReportData, ReportDefinition, ReportRow, Signatures } from './definition';
import { formById } from './forms/registry';
import type { FormSource } from './forms/types';
import { parsePeriod, PERIOD_KIND_LABELS, type ReportPeriod } from './periods';
import { reportTitle } from './texts';
import { reportSettings } from './schema';

export interface ReportRequest {
  form: string;
  period: string;
  villageCode?: string | null;
  signatures?: Partial<SignatureDefaults> & { date?: string | null };
  reveal?: boolean;
}

export interface ResolvedReport {
  definition: ReportDefinition;
  period: ReportPeriod;
  villageId: string | null;
  scopeLabel: string;
  data: ReportData<ReportRow[]>;
  /** Every row of the form; more than `data.rows` for a streamed form, whose rows are its first page. */
  rowCount: number;
  title: string;
  fileName: string;
}

export function signatureDefaults(db: Db): SignatureDefaults {
  const row = db.select().from(reportSettings).where(eq(reportSettings.id, 1)).get();
  return { preparer: row?.preparer ?? null, reviewer: row?.reviewer ?? null, phone: row?.phone ?? null };
}

/** What the clerk typed wins, field by field; the rest comes from the stored defaults. */
function signaturesOf(db: Db, given: ReportRequest['signatures'], now: Date): Signatures {
  const d = signatureDefaults(db);
  const pick = (v: string | null | undefined, fallback: string | null) => (v === undefined ? fallback : v) ?? undefined;
  if (given?.date) {
    const [y, m, day] = given.date.split('-').map(Number) as [number, number, number];
    if (!isRealDate(y, m, day)) throw fieldError(['signatures', 'date'], `填报日期不是真实的日期：${given.date}`);
  }
  return {
    preparer: pick(given?.preparer, d.preparer),
    reviewer: pick(given?.reviewer, d.reviewer),
    phone: pick(given?.phone, d.phone),
    date: given?.date === undefined ? shanghaiDateIso(now) : (given.date ?? undefined),
  };
}

/** Characters Windows refuses in a file name. */
const fileNameOf = (title: string) => `${title.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;

/** Reads everything a form needs; call inside one read transaction for a consistent snapshot. */
export function resolveReport(source: Omit<FormSource, 'now'>, req: ReportRequest, now: Date): ResolvedReport {
  const form = formById(req.form);
  const { definition } = form;
  const period = parsePeriod(req.period);
  if (!form.periodKinds.includes(period.kind)) {
    throw fieldError(['period'], `${definition.name}不能按${PERIOD_KIND_LABELS[period.kind]}出表`);
  }
  const township = getTownship(source.db);
  if (!township) throw new ApiError('CONFLICT', '本机尚未初始化乡镇，不能出表');

  let village: typeof villages.$inferSelect | null = null;
  if (req.villageCode) {
    if (!form.scopes.includes('village')) throw fieldError(['villageCode'], `${definition.name}只能按全乡镇出表`);
    village = source.db.select().from(villages).where(eq(villages.code, req.villageCode)).get() ?? null;
    if (!village || village.deletedAt) {
      throw fieldError(['villageCode'], `没有代码为 ${req.villageCode} 的村（社区）`);
    }
  } else if (!form.scopes.includes('township')) {
    throw fieldError(['villageCode'], `${definition.name}须选择一个村（社区）`);
  }

  const built = form.build(
    { ...source, now: now.toISOString() },
    { period, villageId: village?.id ?? null, reveal: req.reveal === true },
  );
  const data: ReportData<ReportRow[]> = {
    unit: `${township.name}综治中心`,
    titleUnit: village ? `${township.name}${village.name}` : township.name,
    period,
    rows: built.rows,
    total: built.total,
    ...(built.rowCount !== undefined && built.rowCount > built.rows.length
      ? { footnote: `仅显示前 ${built.rows.length} 条，共 ${built.rowCount} 条；导出 Excel 含全部记录。` }
      : {}),
    signatures: signaturesOf(source.db, req.signatures, now),
  };
  const title = reportTitle(definition, data);
  return {
    definition,
    period,
    villageId: village?.id ?? null,
    scopeLabel: village ? village.name : `${township.name}（全镇）`,
    data,
    rowCount: built.rowCount ?? built.rows.length,
    title,
    fileName: fileNameOf(title),
  };
}
