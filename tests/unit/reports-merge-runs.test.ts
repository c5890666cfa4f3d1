import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defineReport, type ReportRow } from '../../main/core/reports';
import { renderHtml } from '../../main/core/reports/html';
import { renderXlsx } from '../../main/core/reports/xlsx';
import { sampleData } from '../helpers/report-sample';
import { own, readXlsxBytes, rowValues } from '../helpers/report-xlsx';

/** 分类 merged down its items, as 矛盾纠纷排查化解情况表 prints it. */
const FORM = defineReport({
  id: 'merge-runs',
  name: '分组测试表',
  paper: 'A4',
  orientation: 'portrait',
  columns: [
    { key: 'group', header: '分类', width: 6, mergeRuns: true },
    { key: 'item', header: '项目', width: 8 },
    { key: 'n', header: '件数', width: 4, format: 'integer' },
  ],
});
const GROUPS = ['甲', '甲', '乙', '丙', '丙', '丙', '', ''];
const rows = (): ReportRow[] => GROUPS.map((group, i) => ({ group, item: `第${i + 1}项`, n: i }));
const FIRST_BODY = 4; // title, 填报单位 line, one header row

async function xlsx(source: Iterable<ReportRow> | AsyncIterable<ReportRow>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await renderXlsx(FORM, { ...sampleData(), rows: source }, { stream: out });
  await ended;
  return readXlsxBytes(Buffer.concat(chunks));
}

async function* slowly(list: ReportRow[]) {
  for (const r of list) {
    await new Promise((resolve) => setImmediate(resolve));
    yield r;
  }
}

describe('print frame: runs of equal values merged down a column', () => {
  for (const source of ['an async stream', 'a list'] as const) {
    it(`merges each run of two or more from ${source} of rows, blanks never merged`, async () => {
      const ws = await xlsx(source === 'a list' ? rows() : slowly(rows()));
      const body = (i: number) => FIRST_BODY + i;
      const merges = [...ws.model.merges].filter((m) => m.startsWith('B') && !m.includes(':D'));
      expect(merges.sort()).toEqual([`B${body(0)}:B${body(1)}`, `B${body(3)}:B${body(5)}`].sort());
      expect(rowValues(ws, body(0), 4)).toEqual([1, '甲', '第1项', 0]);
      expect(own(ws, body(1), 2)).toBeNull();
      expect(own(ws, body(2), 2)).toBe('乙');
      expect(own(ws, body(5), 3)).toBe('第6项');
      expect(ws.getCell(body(5), 2).value).toBe('丙'); // the slave shows the master's value
      expect(own(ws, body(7), 2)).toBeNull();
    });
  }

  it('spans the same runs in the preview', () => {
    const html = renderHtml(FORM, { ...sampleData(), rows: rows() });
    expect(html).toContain('<td class="left" rowspan="2">甲</td>');
    expect(html).toContain('<td class="left" rowspan="3">丙</td>');
    expect(html.match(/丙/g)).toHaveLength(1);
    // Every body row has its cells: 4, or 3 under a run.
    const tbody = html.slice(html.indexOf('<tbody>'));
    const cells = [...tbody.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!.match(/<td/g)!.length);
    expect(cells).toEqual([4, 3, 4, 4, 3, 3, 4, 4]);
  });
});
