import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPhone } from '../../shared/people/mask';

describe('masking ID numbers', () => {
  it('keeps the first 4 and last 4, as domain.md shows', () => {
    expect(maskIdNumber('110105199001011137')).toBe('1101**********1137');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('130503670401001')).toBe('1305*******1001');
  });

  it('hides short garbage entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
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
