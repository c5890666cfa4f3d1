import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from '../../shared/cases/search-terms';

describe('search terms', () => {
  it('indexes each letter/digit run as bigrams plus its last character', () => {
    expect(searchTokens('漏水管')).toBe('漏水 水管 管');
    expect(searchTokens('Ａ栋３０２室，楼下')).toBe('a栋 栋3 30 02 2室 室 楼下 下');
    expect(searchTokens('噪')).toBe('噪');
    expect(searchTokens(null)).toBe('');
  });

  it('turns typed text into phrases of bigrams, a prefix for one character, AND between words', () => {
    expect(searchQuery('噪音')).toBe('"噪音"');
    expect(searchQuery('施工噪音')).toBe('"施工 工噪 噪音"');
    expect(searchQuery(' A栋 302 ')).toBe('"a栋" AND "30 02"');
    expect(searchQuery('井')).toBe('"井"*');
    expect(searchQuery('“”！')).toBeNull();
  });
});
