/**
 * 网格员花名册: one row per post held on the period's last day, village by village, numbers masked;
 * a 审核人 may ask for full numbers, and that export is in the audit log; a 录入员 may not.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { maskIdNumber, maskPhone } from '../../shared/people/mask';
import { seedReportTownship } from '../helpers/report-township';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

let t: ReturnType<typeof seedReportTownship>;
let ws: ExcelJS.Worksheet;

// Rows: 1 title, 2 填报单位, 3 header, 4–11 the eight posts, 12 signatures; 14 columns.
const LAST_COL = 14;
const LAST_BODY = 11;

async function exportRoster(session: string, extra: Record<string, unknown> = {}) {
  return dispatchAny(t.core.dispatch, {
    method: 'reports.export',
    input: { form: 'grid-roster', period: '2026-10', ...extra },
    session,
  });
}

async function sheetOf(r: Awaited<ReturnType<typeof exportRoster>>) {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return readXlsxBytes(Buffer.from((r.data as { bytes: string }).bytes, 'base64'));
}

const person = (i: number) => t.synthetic[i]!;

beforeAll(async () => {
  t = seedReportTownship();
  ws = await sheetOf(await exportRoster(t.clerk));
});
afterAll(() => t?.core.close());

describe('网格员花名册', () => {
  it('lists the posts held on 2026-10-31, village-level posts first, then each grid’s team', () => {
    expect(own(ws, 1, 1)).toBe('2026年10月玉井镇网格员花名册');
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '村（社区）',
      '网格',
      '姓名',
      '性别',
      '出生\n年月',
      '公民身份号码',
      '政治面貌',
      '文化程度',
      '职务',
      '类别',
      '联系电话',
      '任职日期',
      '备注',
    ]);
    const names = Array.from({ length: LAST_BODY - 3 }, (_, i) => [own(ws, 4 + i, 2), own(ws, 4 + i, 4)]);
    expect(names).toEqual([
      [t.v1.name, '张网长'],
      [t.v1.name, '钱指导'],
      [t.v1.name, '李专职'],
      [t.v1.name, '赵辅助'],
      [t.v2.name, '周兼职'],
      [t.v2.name, '钱指导'],
      [t.v2.name, '周兼职'],
      [t.v2.name, '李专职'],
    ]);
    expect(own(ws, LAST_BODY + 1, 1)).not.toBe(9); // 王新来 (from November) and 孙离任 (left 10-15) are absent
  });

  it('masks ID numbers and phones by default and prints every column of a row', () => {
    const p = person(0);
    expect(rowValues(ws, 4, LAST_COL)).toEqual([
      1,
      t.v1.name,
      '—',
      '张网长',
      p.sex === 'male' ? '男' : '女',
      `${p.birthDate.slice(0, 4)}.${p.birthDate.slice(5, 7)}`,
      maskIdNumber(p.idNumber),
      '中共党员',
      '中专',
      '网格长',
      null,
      maskPhone(p.mobile),
      '2025年01月01日',
      null,
    ]);
    expect(rowValues(ws, 7, LAST_COL).slice(2, 4)).toEqual(['中心校网格', '赵辅助']);
    expect(own(ws, 7, 11)).toBe('老党员');
    expect(own(ws, 6, 11)).toBe('专职');
    expect(own(ws, 5, 11)).toBe('驻村干部');
  });

  it('borders every table cell and prints A4 landscape with the header row repeated', () => {
    expectTableBorders(ws, 3, LAST_BODY, LAST_COL);
    expectPrintSetup(ws, 9, 'landscape', '3:3');
    expect([...ws.model.merges]).toContain('A1:N1');
  });

  it('prints full numbers for a 审核人 who asks, and logs that export in the audit log', async () => {
    const r = await exportRoster(t.reviewer, { reveal: true, villageCode: t.v1.code });
    const full = await sheetOf(r);
    expect(own(full, 4, 7)).toBe(person(0).idNumber);
    expect(own(full, 4, 12)).toBe(person(0).mobile);
    expect(own(full, 7, 1)).toBe(4); // 新城社区 only: its four posts, then the signature line
    expect(own(full, 8, 1)).toMatch(/^填报人/);
    const id = (r as { data: { id: string } }).data.id;
    const audit = t.ok<{ method: string; username: string; recordLabel: string; detail: string }[]>(
      'audit.list',
      { recordId: id },
      t.admin,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      method: 'reports.export',
      username: 'shen',
      recordLabel: `报表导出 2026年10月玉井镇${t.v1.name}网格员花名册.xlsx`,
    });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ form: 'grid-roster', reveal: true, villageCode: t.v1.code });
    const history = t.ok<{ id: string; revealed: boolean }[]>('reports.history', {}, t.clerk);
    expect(history.find((h) => h.id === id)?.revealed).toBe(true);
  });

  it('refuses full numbers to a 录入员 and records nothing', async () => {
    const before = t.count('report_exports');
    const r = await exportRoster(t.clerk, { reveal: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.count('report_exports')).toBe(before);
  });

  it('previews the same rows on screen, masked, as an HTML page with its print CSS', () => {
    const p = t.ok<{ html: string; rowCount: number; title: string }>(
      'reports.preview',
      { form: 'grid-roster', period: '2026-10' },
      t.admin,
    );
    expect(p.rowCount).toBe(8);
    expect(p.title).toBe('2026年10月玉井镇网格员花名册');
    expect(p.html).toContain(maskIdNumber(person(0).idNumber));
    expect(p.html).not.toContain(person(0).idNumber);
    expect(p.html).toContain('size: A4 landscape');
  });
});
