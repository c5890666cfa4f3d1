import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/people/mask';

describe('masking ID numbers', () => {
  it('keeps only the issuing area: the birth day, sequence and check digit stay hidden', () => {
    expect(maskIdNumber('110105199001011137')).toBe('110105************');
    expect(maskIdNumber('11010519491231002X')).toBe('110105************');
    expect(maskIdNumber('130503670401001')).toBe('130503*********');
  });

  it('leaves at least 10,000 numbers fitting what a screen shows beside it (area, birth month, sex)', () => {
    // Every valid 18-digit number with this area, born in December 1949, female, that masks the same.
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const checkChar = (body: string) =>
      '10X98765432'[[...body].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11]!;
    const shown = maskIdNumber('11010519491231002X');
    let fits = 0;
    for (let day = 1; day <= 31; day++) {
      for (let seq = 0; seq < 1000; seq++) {
        if (seq % 2 === 1) continue; // even sequence: female
        const body = `110105194912${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
        if (maskIdNumber(body + checkChar(body)) === shown) fits++;
      }
    }
    expect(fits).toBeGreaterThanOrEqual(10_000);
  });

  it('hides short garbage entirely', () => {
    expect(maskIdNumber('123456')).toBe('******');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('masking phones', () => {
  it('mobile: 180****1999, whatever the input format', () => {
    expect(maskPhone('18012341999')).toBe('180****1999');
    expect(maskPhone('+86 180 1234 1999')).toBe('180****1999');
  });

  it('landline: area code and last 2 digits', () => {
    expect(maskPhone('0349-6123456')).toBe('0349-*****56');
    expect(maskPhone('010-62345678')).toBe('010-******78');
    expect(maskPhone('0349-6123456转801')).toBe('0349-*****56');
  });

  it('an unparseable value still shows only its last 2 characters', () => {
    expect(maskPhone('6123456')).toBe('*****56');
    expect(maskPhone('12')).toBe('**');
  });
});

describe('masking addresses', () => {
  it('keeps province, city and county, hides the rest behind a fixed-width mark', () => {
    expect(maskAddress('山西省朔州市山阴县玉井镇玉井村3组12号')).toBe('山西省朔州市山阴县****');
    expect(maskAddress('山西省朔州市山阴县玉井镇')).toBe(maskAddress('山西省朔州市山阴县玉井镇玉井村3组12号'));
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区****');
    expect(maskAddress('内蒙古自治区呼和浩特市新城区中山路')).toBe('内蒙古自治区呼和浩特市新城区****');
    expect(maskAddress('湖北省恩施土家族苗族自治州恩施市舞阳大街')).toBe('湖北省恩施土家族苗族自治州恩施市****');
    expect(maskAddress('山东省济南市市中区经四路')).toBe('山东省济南市市中区****');
    expect(maskAddress('山西省朔州市怀仁市云中镇')).toBe('山西省朔州市怀仁市****');
  });

  it('stops at a county-level city or county named first', () => {
    expect(maskAddress('山西省怀仁市云中镇')).toBe('山西省怀仁市****');
    expect(maskAddress('山阴县玉井镇玉井村')).toBe('山阴县****');
  });

  it('does not mistake a housing estate for a district', () => {
    expect(maskAddress('山阴县幸福小区3号楼')).toBe('山阴县****');
    expect(maskAddress('朔州市幸福小区3号楼')).toBe('朔州市****');
  });

  it('hides an address without any county part entirely', () => {
    expect(maskAddress('玉井村3组12号')).toBe('****');
    expect(maskAddress('玉井镇玉井村')).toBe('****');
    expect(maskAddress('  ')).toBe('');
  });

  it('shows an address that is only a county in full: nothing to hide', () => {
    expect(maskAddress('上海市浦东新区')).toBe('上海市浦东新区');
  });
});
