/**
 * 矛盾纠纷排查化解情况表 over a year of seeded cases plus three disputes taken through the loop here
 * with their mediation recorded: the exported .xlsx read back (cells, merges, print settings,
 * borders), checked against a hand-written SQL oracle and against the case list's own counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { countCases, type CaseQueryContext } from '../../main/core/cases/list';
import { HANDLED_STATES } from '../../main/core/reports/figures/disputes';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import disputeTypes from '../../resources/codes/dispute-types.json' with { type: 'json' };
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { tempDir } from '../helpers/core';
import { expectPrintSetup, expectTableBorders, own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const NOW = '2026-10-20T10:00:00+08:00';
// Rows: 1 title, 2 填报单位, 3–4 header, 5–21 the 17 dispute types, 22–25 the people bands,
// 26 重大矛盾纠纷, 27 合计, 28 signatures. Columns: 序号, 分类, 项目, then 本期 D–H and 本年累计 I–M.
const LAST_COL = 13;
const FIRST_TYPE = 5;
const FIRST_BAND = 22;
const MAJOR_ROW = 26;
const TOTAL_ROW = 27;

let t: ReturnType<typeof makeCaseTownship>;
let ws: ExcelJS.Worksheet;
let ctx: CaseQueryContext;
let bytes: Buffer;

async function exportSheet(input: Record<string, unknown>) {
  const r = await dispatchAny(t.core.dispatch, { method: 'reports.export', input, session: t.sessions.clerk });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  bytes = Buffer.from((r.data as { bytes: string }).bytes, 'base64');
  return readXlsxBytes(bytes);
}

/** A 涉民族宗教纠纷 registered now, taken to 已处置 when `mediated` (success or not) is given. */
function dispute(people: number, scale: string, mediated?: boolean) {
  const s = t.sessions;
  const assign = { action: 'assign', payload: { assignee: { kind: 'gridWorker', id: t.worker, name: '王网格' } } };
  const then = mediated === undefined ? [] : [{ action: 'report' }, { action: 'accept' }, assign];
  const input = caseInput(t.gridA, { subcategoryCode: '16', peopleInvolved: people, scale, then });
  const id = t.ok<{ case: { id: string } }>('cases.create', input, s.clerk).case.id;
  if (mediated === undefined) return;
  const mediation = { id, method: 'people', organisation: '玉井镇人民调解委员会', responsible: '赵调解' };
  t.ok('cases.setMediation', { ...mediation, success: mediated, outcome: null }, s.clerk);
  t.ok('cases.act', { id, action: 'resolve', payload: { result: '已调解' } }, s.clerk);
}

/** The oracle: [found, handled, succeeded] of dispute cases registered from `from` (Shanghai days). */
function oracle(where: string, from: string, params: unknown[] = []): [number, number, number] {
  const handled = HANDLED_STATES.map((s) => `'${s}'`).join(',');
  const r = t.core.deps.conn.sqlite
    .prepare(
      `SELECT count(*) AS f, coalesce(sum(state IN (${handled})), 0) AS h,
        coalesce(sum(state IN (${handled}) AND mediation_success = 1), 0) AS s
       FROM cases WHERE deleted_at IS NULL AND category_code = '01'
        AND created_at >= ? AND created_at < ? AND ${where}`,
    )
    .get(new Date(`${from}T00:00:00+08:00`).toISOString(), '2026-10-31T16:00:00.000Z', ...params) as {
    f: number;
    h: number;
    s: number;
  };
  return [r.f, r.h, r.s];
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n * 10_000) / d) / 10_000 : null);
const five = ([f, h, s]: [number, number, number]) => [f, h, rate(h, f), s, rate(s, h)];
const expected = (where: string, params: unknown[] = []) => [
  ...five(oracle(where, '2026-10-01', params)),
  ...five(oracle(where, '2026-01-01', params)),
];

beforeAll(async () => {
  t = makeCaseTownship(NOW);
  seedDemoCases(t.core.deps, { count: 1500, seed: 11, years: 1, now: new Date(NOW).toISOString() });
  dispute(600, '03', true);
  dispute(60, '02', false);
  dispute(2, '01');
  ctx = { db: t.core.deps.conn.db, now: new Date(NOW).toISOString(), user: null };
  ws = await exportSheet({ form: 'disputes', period: '2026-10', signatures: { date: '2026-11-02' } });
});
afterAll(() => t?.core.close());

describe('矛盾纠纷排查化解情况表', () => {
  it('heads 本期 and 本年累计 over the same five columns', () => {
    expect(own(ws, 1, 1)).toBe('2026年10月玉井镇矛盾纠纷排查化解情况表');
    const five = ['排查数\n（件）', '调处数\n（件）', '调处率', '成功数\n（件）', '成功率'];
    expect(rowValues(ws, 3, LAST_COL)).toEqual([
      '序号',
      '分类',
      '项目',
      '本期',
      ...Array(4).fill(null),
      '本年累计',
      ...Array(4).fill(null),
    ]);
    expect(rowValues(ws, 4, LAST_COL)).toEqual([null, null, null, ...five, ...five]);
    const merges = [...ws.model.merges];
    for (const m of ['A1:M1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:H3', 'I3:M3', `A${TOTAL_ROW}:C${TOTAL_ROW}`]) {
      expect(merges).toContain(m);
    }
    // 分类 is one cell down each block, as on the paper form; 重大矛盾纠纷 is a block of one.
    expect(merges).toContain(`B${FIRST_TYPE}:B${FIRST_BAND - 1}`);
    expect(merges).toContain(`B${FIRST_BAND}:B${MAJOR_ROW - 1}`);
    expect(merges.filter((m) => m.startsWith(`B${MAJOR_ROW}:`))).toEqual([]);
  });

  it('merges 分类 in the preview too (row spans)', async () => {
    const preview = t.ok<{ html: string }>(
      'reports.preview',
      { form: 'disputes', period: '2026-10' },
      t.sessions.clerk,
    );
    expect(preview.html).toContain('<td class="center" rowspan="17">按纠纷类型</td>');
    expect(preview.html).toContain('<td class="center" rowspan="4">按涉及人数</td>');
    expect(preview.html.match(/按纠纷类型/g)).toHaveLength(1);
  });

  it('lists every GB/T 31000 dispute type, the people bands and 重大矛盾纠纷, numbered', () => {
    const types = disputeTypes.types.map((d) => d.name);
    expect(types).toHaveLength(17);
    types.forEach((name, i) => {
      expect(rowValues(ws, FIRST_TYPE + i, 3)).toEqual([i + 1, i === 0 ? '按纠纷类型' : null, name]);
    });
    expect(rowValues(ws, FIRST_BAND, 3)).toEqual([18, '按涉及人数', '不足50人']);
    expect([23, 24, 25].map((r) => own(ws, r, 3))).toEqual(['50至100人', '101至500人', '超过500人']);
    expect(rowValues(ws, MAJOR_ROW, 3)).toEqual([22, '重大矛盾纠纷', '重大群体性']);
    expect(own(ws, TOTAL_ROW, 1)).toBe('合计');
  });

  it('counts each row as the SQL oracle does, rates derived from the counts', () => {
    disputeTypes.types.forEach((d, i) => {
      expect(rowValues(ws, FIRST_TYPE + i, LAST_COL).slice(3), d.name).toEqual(
        expected('subcategory_code = ?', [d.code]),
      );
    });
    const bands = ['people_involved < 50', 'people_involved BETWEEN 50 AND 100', 'people_involved BETWEEN 101 AND 500'];
    [...bands, 'people_involved > 500'].forEach((where, i) => {
      expect(rowValues(ws, FIRST_BAND + i, LAST_COL).slice(3), where).toEqual(expected(where));
    });
    expect(rowValues(ws, MAJOR_ROW, LAST_COL).slice(3)).toEqual(expected("scale = '03'"));
    expect(rowValues(ws, TOTAL_ROW, LAST_COL).slice(3)).toEqual(expected('1'));
  });

  it('counts the disputes mediated here: handled ones only count as 调处, success only when recorded', () => {
    const row = rowValues(ws, FIRST_TYPE + 15, LAST_COL); // 16 涉民族宗教纠纷
    const seeded = oracle("subcategory_code = '16' AND created_at < ?", '2026-10-01', [new Date(NOW).toISOString()]);
    expect(row.slice(3, 8)).toEqual(five([seeded[0] + 3, seeded[1] + 2, seeded[2] + 1]));
    expect(Number(own(ws, MAJOR_ROW, 4))).toBeGreaterThanOrEqual(1);
    expect(Number(own(ws, MAJOR_ROW, 7))).toBeGreaterThanOrEqual(1);
  });

  it('gives the case list’s and the 工作台’s numbers (one number, one query)', () => {
    const month = { categoryCode: '01', createdFrom: '2026-10-01', createdTo: '2026-10-31' };
    const year = { ...month, createdFrom: '2026-01-01' };
    disputeTypes.types.forEach((d, i) => {
      const r = FIRST_TYPE + i;
      expect(own(ws, r, 4)).toBe(countCases(ctx, { ...month, subcategoryCode: d.code }));
      expect(own(ws, r, 9)).toBe(countCases(ctx, { ...year, subcategoryCode: d.code }));
      const handled = countCases(ctx, { ...month, subcategoryCode: d.code, states: [...HANDLED_STATES] });
      expect(own(ws, r, 5)).toBe(handled);
    });
    const handled = countCases(ctx, { ...month, states: [...HANDLED_STATES] });
    expect([own(ws, TOTAL_ROW, 4), own(ws, TOTAL_ROW, 5)]).toEqual([countCases(ctx, month), handled]);
    expect(own(ws, TOTAL_ROW, 9)).toBe(countCases(ctx, year));
    expect(Number(own(ws, TOTAL_ROW, 4))).toBeGreaterThan(3);
  });

  it('borders every table cell and prints A4 landscape, one page wide, header rows repeated', () => {
    expectTableBorders(ws, 3, TOTAL_ROW, LAST_COL);
    expectPrintSetup(ws, 9, 'landscape', '3:4');
    expect(ws.getCell(TOTAL_ROW, 4).font?.bold).toBe(true);
    expect(ws.getCell(FIRST_TYPE, 6).numFmt).toContain('%');
    expect(rowValues(ws, TOTAL_ROW + 1, LAST_COL).filter(Boolean)).toContain('填报日期：2026年11月02日');
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('openpyxl'))('reads the same merges, total and print settings in openpyxl', () => {
    const file = path.join(tempDir('disputes-'), 'disputes.xlsx');
    fs.writeFileSync(file, bytes);
    const script = path.resolve(import.meta.dirname, '../helpers/read_report_openpyxl.py');
    const r = spawnSync(python, [script, file, String(TOTAL_ROW)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout);
    expect(read).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(read.merged).toEqual(expect.arrayContaining(['D3:H3', 'I3:M3', `A${TOTAL_ROW}:C${TOTAL_ROW}`]));
    expect(read.total.slice(3)).toEqual(rowValues(ws, TOTAL_ROW, LAST_COL).slice(3));
  });

  it('takes one village as scope, counted with the list’s village filter', async () => {
    const { code } = t.core.deps.conn.sqlite.prepare('SELECT code FROM villages WHERE id = ?').get(t.villageA) as {
      code: string;
    };
    const sheet = await exportSheet({ form: 'disputes', period: '2026-Q4', villageCode: code });
    const q4 = { categoryCode: '01', villageId: t.villageA, createdFrom: '2026-10-01', createdTo: '2026-12-31' };
    expect(own(sheet, TOTAL_ROW, 4)).toBe(countCases(ctx, q4));
    expect(own(sheet, TOTAL_ROW, 9)).toBe(countCases(ctx, { ...q4, createdFrom: '2026-01-01' }));
    expect(own(sheet, FIRST_TYPE + 15, 4)).toBe(countCases(ctx, { ...q4, subcategoryCode: '16' }));
  });

  it('is listed on the 报表 page', () => {
    const { forms } = t.ok<{ forms: { id: string; name: string }[] }>('reports.list', {}, t.sessions.clerk);
    expect(forms.map((f) => f.id)).toContain('disputes');
  });
});
