import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtml } from '../../main/core/reports';
import { gridRosterDefinition } from '../../main/core/reports/forms/grid-roster';
import { printFontPt } from '../../main/core/reports/html';
import { layoutTable } from '../../main/core/reports/layout';
import { SAMPLE_FORM, SAMPLE_ROWS, sampleData } from '../helpers/report-sample';

describe('print frame: html', () => {
  const html = renderHtml(SAMPLE_FORM, sampleData());

  it('carries the same title, header line and signature line as the xlsx', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>2026年10月玉井镇网格事件处置情况统计表</title>');
    expect(html).toContain('<h1>2026年10月玉井镇网格事件处置情况统计表</h1>');
    expect(html).toContain('<span>填报单位（盖章）：玉井镇综治中心</span><span>月份：2026年10月</span>');
    expect(html).toContain(
      '<div class="sign"><span>填报人：王小红</span><span>审核人：李建国</span><span>联系电话：0358-6221234</span>' +
        '<span>填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日</span></div>',
    );
  });

  it('puts the grouped header in a thead, so browsers repeat it on every page', () => {
    const thead = /<thead>(.*)<\/thead>/s.exec(html)?.[1];
    expect(thead).toBe(
      '<tr><th rowspan="2">序号</th><th rowspan="2">事件类别</th><th colspan="2">网格员（人）</th>' +
        '<th colspan="3">事件数（件）</th><th rowspan="2">办结率</th><th rowspan="2">备注</th></tr>' +
        '<tr><th>专职</th><th>兼职</th><th>受理</th><th>办结</th><th>超期</th></tr>',
    );
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html.match(/<col style="width:[\d.]+%">/g)).toHaveLength(9);
  });

  it('numbers the rows and totals with the rate from the totals', () => {
    const rows = /<tbody>\n(.*)\n<\/tbody>/s.exec(html)![1]!.split('\n');
    expect(rows).toHaveLength(SAMPLE_ROWS.length + 1);
    expect(rows[0]).toBe(
      '<tr><td class="center">1</td><td class="left">矛盾纠纷</td><td class="center">3</td><td class="center">5</td>' +
        '<td class="center">1000</td><td class="center">995</td><td class="center">2</td>' +
        '<td class="center">99.50%</td><td class="left"></td></tr>',
    );
    expect(rows[3]).toBe(
      '<tr class="total"><td class="center" colspan="2">合计</td><td class="center">6</td><td class="center">9</td>' +
        '<td class="center">2000</td><td class="center">1987</td><td class="center">3</td>' +
        '<td class="center">99.35%</td><td class="left"></td></tr>',
    );
  });

  it('escapes every piece of text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const hostile = renderHtml(
      { ...SAMPLE_FORM, name: '<b>表</b>', columns: [{ key: 'x', header: '<i>列</i>', width: 4 }] },
      {
        ...sampleData([{ x: '<script>alert(1)</script>' }]),
        unit: '镇&"村"',
        signatures: { preparer: '<img src=x>' },
      },
    );
    expect(hostile).not.toMatch(/<(script|img|b|i)[\s>]/);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('填报单位（盖章）：镇&amp;&quot;村&quot;');
    expect(hostile).toContain('<th>&lt;i&gt;列&lt;/i&gt;</th>');
    expect(hostile).toContain('填报人：&lt;img src=x&gt;');
    expect(hostile).toContain('<h1>2026年10月玉井镇&lt;b&gt;表&lt;/b&gt;</h1>');
  });

  it('keeps the form’s own line breaks in headers and cells', () => {
    const broken = renderHtml(
      { ...SAMPLE_FORM, columns: [{ key: 'x', header: '办结\n时限', width: 4 }] },
      {
        ...sampleData([{ x: '一\n二' }]),
      },
    );
    expect(broken).toContain('<th>办结<br>时限</th>');
    expect(broken).toContain('一<br>二');
  });

  it('sets the paper, orientation, margins and page numbers with @page', () => {
    expect(html).toContain('size: A4 landscape;');
    expect(html).toContain('margin: 15mm 12mm 18mm 15mm;');
    expect(html).toContain('content: "第 " counter(page) " 页 共 " counter(pages) " 页"');
    expect(renderHtml({ ...SAMPLE_FORM, paper: 'A3', orientation: 'portrait' }, sampleData())).toContain(
      'size: A3 portrait;',
    );
  });

  it('shrinks the printed body font so a wide table fits the page width, as fit-to-width does in Excel', () => {
    expect(printFontPt(SAMPLE_FORM, layoutTable(SAMPLE_FORM))).toBe(11);
    // 14 columns, about 99 characters, on 270 mm of A4 landscape.
    const roster = printFontPt(gridRosterDefinition, layoutTable(gridRosterDefinition));
    expect(roster).toBeGreaterThan(7);
    expect(roster).toBeLessThan(8.5);
    expect(renderHtml(gridRosterDefinition, { ...sampleData(), rows: [] })).toContain(
      `body { font-size: ${roster}pt; line-height: 1.25; }`,
    );
  });
});
