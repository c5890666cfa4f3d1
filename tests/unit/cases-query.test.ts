import { describe, expect, it } from 'vitest';
import { casesHash, caseQueryString, parseCaseQuery } from '../../renderer/src/components/cases/caseQuery';
import { CASE_FIGURES, figureFilter, type CaseFigure } from '../../shared/cases/figures';

describe('the 事件 page reads and writes its filters in the hash query', () => {
  it('reads the 工作台 links, keys named like cases.list', () => {
    expect(parseCaseQuery('#/cases?quick=overdue')).toEqual({ quick: 'overdue' });
    expect(parseCaseQuery('#/cases?states=handling,assigned&quick=thisMonth')).toEqual({
      states: ['handling', 'assigned'],
      quick: 'thisMonth',
    });
    expect(parseCaseQuery('#/cases?categoryCode=03&quick=thisMonth')).toEqual({
      categoryCode: '03',
      quick: 'thisMonth',
    });
    expect(parseCaseQuery('#/cases?quick=review')).toEqual({ quick: 'review' });
    // A trend bar opens its own month.
    expect(parseCaseQuery('#/cases?createdFrom=2026-05-01&createdTo=2026-05-31&states=closed')).toEqual({
      states: ['closed'],
      createdFrom: '2026-05-01',
      createdTo: '2026-05-31',
    });
    expect(parseCaseQuery('#/cases?q=%E6%BC%8F%E6%B0%B4&quick=thisMonth')).toEqual({ q: '漏水', quick: 'thisMonth' });
    expect(parseCaseQuery('#/cases')).toEqual({});
    // The report forms' 超期 and 按期办结 columns.
    expect(parseCaseQuery('#/cases?late=true&categoryCode=03')).toEqual({ late: true, categoryCode: '03' });
    expect(parseCaseQuery('#/cases?late=false')).toEqual({ late: false });
  });

  it('drops values the server would refuse, keeping the rest', () => {
    expect(parseCaseQuery('#/cases?quick=soon&states=handling,nope&categoryCode=3&source=hotline&x=1')).toEqual({
      source: 'hotline',
    });
    expect(parseCaseQuery('#/cases?late=yes&quick=mine')).toEqual({ quick: 'mine' });
    expect(parseCaseQuery('#/cases?onSpot=1&mediationResults=won&quick=mine')).toEqual({ quick: 'mine' });
  });

  it('opens every figure of the forms and the 工作台 as exactly its filter', () => {
    for (const figure of Object.keys(CASE_FIGURES) as CaseFigure[]) {
      const filter = { quick: 'thisMonth' as const, ...figureFilter(figure) };
      expect(parseCaseQuery(casesHash(filter)), figure).toEqual(filter);
    }
    expect(casesHash({ quick: 'thisMonth', ...figureFilter('onSpot') })).toBe('#/cases?quick=thisMonth&onSpot=true');
    expect(casesHash(figureFilter('resolved'))).toBe('#/cases?mediationResults=success');
    expect(parseCaseQuery('#/cases?onSpot=false&states=assigned,closed')).toEqual({
      states: ['assigned', 'closed'],
      onSpot: false,
    });
  });

  it('writes back what it reads', () => {
    const filter = {
      states: ['assigned' as const, 'handling' as const],
      quick: 'mine' as const,
      source: 'patrol' as const,
      createdFrom: '2026-05-01',
      late: false,
    };
    expect(parseCaseQuery(`#/cases?${caseQueryString(filter)}`)).toEqual(filter);
    expect(caseQueryString({ states: [] })).toBe('');
  });
});
