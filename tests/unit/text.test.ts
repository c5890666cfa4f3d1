import { describe, expect, it } from 'vitest';
import { isRealDate, shanghaiDateIso } from '../../shared/dates';
import { collapseSpaces, compactCode, removeSpaces, toHalfWidth, trimAll } from '../../shared/text';

describe('text normalisation', () => {
  it('turns full-width ASCII and the ideographic space half-width, leaving Chinese alone', () => {
    expect(toHalfWidth('１３８００１３８０００')).toBe('13800138000');
    expect(toHalfWidth('ＡＢｘ－（）：')).toBe('ABx-():');
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
    expect(toHalfWidth('玉井村，第一网格')).toBe('玉井村,第一网格');
    expect(toHalfWidth('网格员花名册')).toBe('网格员花名册');
  });

  it('trims ideographic spaces, NBSP, zero-width characters and the BOM', () => {
    expect(trimAll('\u3000\u00a0 张三 \u200b\ufeff')).toBe('张三');
    expect(trimAll('\t\n玉井村\r\n')).toBe('玉井村');
  });

  it('collapses inner runs of any blank to one space', () => {
    expect(collapseSpaces('  玉井镇\u3000\u3000玉井村 \u00a0 3组 ')).toBe('玉井镇 玉井村 3组');
    expect(removeSpaces(' 1101 0519\u30004912 31002X ')).toBe('11010519491231002X');
    expect(compactCode(' １１０１０５ １９４９１２３１００２ｘ\u00a0')).toBe('11010519491231002x');
  });
});

describe('calendar helpers', () => {
  it('knows real dates, leap years included', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
  });

  it("gives today's date in Asia/Shanghai", () => {
    expect(shanghaiDateIso(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(shanghaiDateIso(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
  });
});
