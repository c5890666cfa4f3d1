import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/core/people/random';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { checkIdNumber } from '../../shared/people/id-number';
import { checkPhone } from '../../shared/people/phone';

const TODAY = '2026-06-01';

function ageOn(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) >= birth.slice(5) ? years : years - 1;
}

describe('seeded random numbers', () => {
  it('repeat for the same seed and differ for another', () => {
    const a = seededRandom('yujing');
    const b = seededRandom('yujing');
    const c = seededRandom('shanyin');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stay in range', () => {
    const r = seededRandom(7);
    const out: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const x = r.int(3, 5);
      const u = r.next();
      if (!(x >= 3 && x <= 5 && Number.isInteger(x)) || !(u >= 0 && u < 1)) out.push(x, u);
    }
    expect(out).toEqual([]);
  });
});

describe('synthetic grid staff', () => {
  const people = syntheticPeople({ countyCode: '140621', count: 3000, seed: 'test', today: TODAY });

  it('carry ID numbers that pass the GB 11643 validator under the given county', () => {
    const wrong = people.filter((p) => {
      const check = checkIdNumber(p.idNumber, TODAY);
      return !(
        check.ok &&
        check.value.addressCode === '140621' &&
        check.value.sex === p.sex &&
        check.value.birthDate === p.birthDate
      );
    });
    expect(wrong).toEqual([]);
  });

  it('are aged 22 to 70, both sexes present', () => {
    const ages = people.map((p) => ageOn(p.birthDate, TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(22);
    expect(Math.max(...ages)).toBeLessThanOrEqual(70);
    const men = people.filter((p) => p.sex === 'male').length;
    expect(men / people.length).toBeGreaterThan(0.45);
    expect(men / people.length).toBeLessThan(0.65);
  });

  it('have unique ID numbers and unique valid mobile numbers', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.mobile)).size).toBe(people.length);
    const notMobile = people.filter((p) => {
      const check = checkPhone(p.mobile);
      return !(check.ok && check.value.kind === 'mobile');
    });
    expect(notMobile).toEqual([]);
  });

  it('have Chinese names of two or three characters', () => {
    expect(people.filter((p) => !/^[\u4e00-\u9fff]{2,3}$/.test(p.name))).toEqual([]);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(people.length / 2);
  });

  it('are reproducible from the seed and today', () => {
    const again = syntheticPeople({ countyCode: '140621', count: 50, seed: 'test', today: TODAY });
    expect(again).toEqual(people.slice(0, 50));
    const other = syntheticPeople({ countyCode: '140621', count: 50, seed: 'other', today: TODAY });
    expect(other).not.toEqual(again);
  });

  it('honour a narrower age range and refuse a bad county code', () => {
    const young = syntheticPeople({ countyCode: '140621', count: 200, seed: 1, today: TODAY, minAge: 22, maxAge: 30 });
    expect(Math.max(...young.map((p) => ageOn(p.birthDate, TODAY)))).toBeLessThanOrEqual(30);
    expect(() => syntheticPeople({ countyCode: '1406', count: 1, today: TODAY })).toThrow();
  });
});
