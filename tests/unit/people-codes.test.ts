import { describe, expect, it } from 'vitest';
import {
  EDUCATION_LABELS,
  POLITICAL_STATUS_LABELS,
  isPartyMember,
  parseEducation,
  parseEmployment,
  parsePoliticalStatus,
  parseSex,
} from '../../shared/people/codes';

describe('person code tables', () => {
  it('read the labels themselves back to their codes', () => {
    for (const [code, label] of Object.entries(POLITICAL_STATUS_LABELS)) expect(parsePoliticalStatus(label)).toBe(code);
    for (const [code, label] of Object.entries(EDUCATION_LABELS)) expect(parseEducation(label)).toBe(code);
  });

  it('map what rosters actually say, spaces and full-width included', () => {
    expect(parsePoliticalStatus('党员')).toBe('01');
    expect(parsePoliticalStatus('中国共产党党员')).toBe('01');
    expect(parsePoliticalStatus('预备党员')).toBe('02');
    expect(parsePoliticalStatus('团员')).toBe('03');
    expect(parsePoliticalStatus(' 群\u3000众 ')).toBe('13');
    expect(parseEducation('本科')).toBe('20');
    expect(parseEducation('大专')).toBe('30');
    expect(parseEducation('职高')).toBe('40');
    expect(parseEducation('硕士研究生')).toBe('10');
    expect(parseSex('男')).toBe('male');
    expect(parseSex('女性')).toBe('female');
    expect(parseEmployment('专职')).toBe('full_time');
    expect(parseEmployment('兼')).toBe('part_time');
  });

  it('refuse what they do not know instead of guessing', () => {
    expect(parsePoliticalStatus('积极分子')).toBeNull();
    expect(parseEducation('大学')).toBeNull();
    expect(parseSex('未知')).toBeNull();
  });

  it('count full and probationary members as party members', () => {
    expect(isPartyMember('01')).toBe(true);
    expect(isPartyMember('02')).toBe(true);
    expect(isPartyMember('03')).toBe(false);
    expect(isPartyMember(null)).toBe(false);
  });
});
