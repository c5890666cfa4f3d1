import { describe, expect, it } from 'vitest';
import { defineReport, parsePeriod } from '../../main/core/reports';
import {
  bodyCells,
  displayText,
  layoutTable,
  linesNeeded,
  rate,
  splitColumns,
  textWidth,
  TotalAccumulator,
} from '../../main/core/reports/layout';
import { headerLine, reportTitle, signatureParts } from '../../main/core/reports/texts';
import { SAMPLE_FORM, SAMPLE_ROWS } from '../helpers/report-sample';

describe('report layout', () => {
  it('lays out grouped headers with 序号 first and leaves spanning to the bottom', () => {
    const layout = layoutTable(SAMPLE_FORM);
    expect(layout.headerRows).toBe(2);
    expect(layout.columns.map((c) => c.header)).toEqual([
      '序号',
      '事件类别',
      '专职',
      '兼职',
      '受理',
      '办结',
      '超期',
      '办结率',
      '备注',
    ]);
    expect(layout.headerCells).toEqual([
      { text: '序号', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
      { text: '事件类别', row: 0, col: 1, rowSpan: 2, colSpan: 1 },
      { text: '网格员（人）', row: 0, col: 2, rowSpan: 1, colSpan: 2 },
      { text: '事件数（件）', row: 0, col: 4, rowSpan: 1, colSpan: 3 },
      { text: '办结率', row: 0, col: 7, rowSpan: 2, colSpan: 1 },
      { text: '备注', row: 0, col: 8, rowSpan: 2, colSpan: 1 },
      { text: '专职', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '兼职', row: 1, col: 3, rowSpan: 1, colSpan: 1 },
      { text: '受理', row: 1, col: 4, rowSpan: 1, colSpan: 1 },
      { text: '办结', row: 1, col: 5, rowSpan: 1, colSpan: 1 },
      { text: '超期', row: 1, col: 6, rowSpan: 1, colSpan: 1 },
    ]);
    // 合计 spans 序号 and 事件类别, the text column before the first figure.
    expect(layout.totalLabelSpan).toBe(2);
    expect(layout.columns[7]).toMatchObject({ format: 'percent', total: 'rate', align: 'center' });
    expect(layout.columns[1]).toMatchObject({ format: 'text', total: 'none', align: 'left' });
  });

  it('handles deeper trees and refuses broken definitions', () => {
    const deep = defineReport({
      id: 'deep',
      name: '测试表',
      paper: 'A3',
      orientation: 'landscape',
      columns: [
        { header: '本期', children: [{ header: '排查', children: [{ key: 'a', header: '数', width: 3 }] }] },
        { key: 'b', header: '备注', width: 4 },
      ],
    });
    const layout = layoutTable(deep);
    expect(layout.headerRows).toBe(3);
    expect(layout.headerCells.find((h) => h.text === '备注')).toMatchObject({ row: 0, rowSpan: 3 });
    expect(layout.headerCells.find((h) => h.text === '数')).toMatchObject({ row: 2, rowSpan: 1 });

    const broken = (columns: typeof deep.columns) => () => layoutTable({ ...deep, columns });
    expect(
      broken([
        { key: 'a', header: '甲', width: 2 },
        { key: 'a', header: '乙', width: 2 },
      ]),
    ).toThrow('重复');
    expect(broken([{ key: 'r', header: '率', width: 2, rate: { numerator: 'x', denominator: 'y' } }])).toThrow(
      '不存在的列',
    );
    expect(broken([{ header: '空', children: [] }])).toThrow('没有列');
    expect(broken([])).toThrow('没有列');
    expect(broken([{ key: 'z', header: '零', width: 0 }])).toThrow('宽度');
  });

  it('derives rates from their columns, rounded to what the paper shows', () => {
    expect(rate(1987, 2000)).toBe(0.9935);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, null)).toBeNull();
    // A row that does not count the numerator (开展集中排查次数 on the disputes form) has no rate, not 0 %.
    expect(rate(null, 4)).toBeNull();
    expect(rate(undefined, 4)).toBeNull();
    expect(rate(0, 4)).toBe(0);
    expect(rate(1, 8)).toBe(0.125);
    const layout = layoutTable(SAMPLE_FORM);
    const cells = bodyCells(layout, { ...SAMPLE_ROWS[1]!, handledRate: 0.5 }, 2);
    expect(cells[0]).toBe(2);
    // The row's own value for a rate column is ignored: rates are always derived.
    expect(cells[7]).toBe(0.9944);
  });

  it('totals sum columns and derive the total rate from the totals, never from the rates', () => {
    const layout = layoutTable(SAMPLE_FORM);
    const totals = new TotalAccumulator(layout);
    SAMPLE_ROWS.forEach((r) => totals.add(r));
    expect(totals.cells()).toEqual(['合计', undefined, 6, 9, 2000, 1987, 3, 0.9935, undefined]);
    const meanOfRates = (0.995 + 0.9944 + 0.97) / 3;
    expect(meanOfRates).not.toBeCloseTo(0.9935, 3);
    // A form may supply its own totals (distinct cases); the rate follows them.
    expect(totals.cells({ received: 1990, handled: 1980 }).slice(4, 8)).toEqual([1990, 1980, 3, 0.995]);
  });

  it('measures Chinese text and prints values as the paper shows them', () => {
    expect(textWidth('网格员')).toBe(3);
    expect(textWidth('（第1片区）')).toBeCloseTo(5.55);
    expect(linesNeeded('矛盾纠纷', 4)).toBe(2);
    expect(linesNeeded('矛盾纠纷', 4.5)).toBe(1);
    expect(linesNeeded('第一行\n第二行', 10)).toBe(2);
    expect(linesNeeded('\n', 10)).toBe(2);
    expect(linesNeeded('2026年10月01日\n01:54', 7.5)).toBe(3);
    expect(textWidth('a😀')).toBeCloseTo(1.55);
    expect(displayText(0.9935, 'percent')).toBe('99.35%');
    expect(displayText(1, 'percent')).toBe('100.00%');
    expect(displayText(1987, 'integer')).toBe('1987');
    expect(displayText(12.5, 'decimal')).toBe('12.50');
    expect(displayText(null, 'integer')).toBe('');
    expect(displayText('—', 'percent')).toBe('—');
  });

  it('splits a line over the columns evenly but never narrower than its text when that can be helped', () => {
    expect(splitColumns([5, 5, 5, 5], [1, 1])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const widths = [3, 10, 4, 4, 5, 5, 4, 6, 14];
    // Cutting at each quarter would leave the third piece 10 characters for the 14 it needs.
    expect(splitColumns(widths, [9, 9, 14, 14])).toEqual([
      [0, 1],
      [2, 4],
      [5, 7],
      [8, 8],
    ]);
    // A last piece wider than the last column takes the one before it too.
    const runs = splitColumns(widths, [9, 9, 14, 16]);
    const width = ([a, b]: [number, number]) => widths.slice(a, b + 1).reduce((x, y) => x + y, 0);
    expect(runs.map(width)[3]).toBeGreaterThanOrEqual(16);
    expect(splitColumns([1, 1, 1], [1, 1, 1])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(() => splitColumns([1], [1, 1])).toThrow();
  });

  it('writes the title, the header line and the signature line', () => {
    const data = { unit: '玉井镇综治中心', titleUnit: '玉井镇', period: parsePeriod('2026-Q3') };
    expect(reportTitle(SAMPLE_FORM, data)).toBe('2026年第三季度玉井镇网格事件处置情况统计表');
    expect(reportTitle({ ...SAMPLE_FORM, title: '{单位}{表名}（{期间}）' }, { ...data, titleUnit: undefined })).toBe(
      '玉井镇综治中心网格事件处置情况统计表（2026年第三季度）',
    );
    expect(headerLine(data)).toEqual({ left: '填报单位（盖章）：玉井镇综治中心', right: '季度：2026年第三季度' });
    expect(headerLine({ ...data, period: parsePeriod('2026') }).right).toBe('年度：2026年度');
    expect(signatureParts({ preparer: '王小红', date: '2026-11-03' })).toEqual([
      '填报人：王小红',
      '审核人：\u3000\u3000\u3000\u3000',
      '联系电话：\u3000\u3000\u3000\u3000',
      '填报日期：2026年11月03日',
    ]);
    expect(signatureParts()[3]).toBe('填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    expect(signatureParts({ date: '11月3日' })[3]).toBe('填报日期：11月3日');
  });
});
