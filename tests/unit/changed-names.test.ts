import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { changedNames } from '../../renderer/src/hooks/changedNames';

describe('the fields a form change touched (their server errors are cleared)', () => {
  it('names top-level fields, a cascader path and a date as single values', () => {
    expect(changedNames({ place: '玉井村' })).toEqual([['place']]);
    expect(changedNames({ category: ['01', '02'] })).toEqual([['category']]);
    expect(changedNames({ occurredAt: dayjs('2026-11-27') })).toEqual([['occurredAt']]);
  });

  it('follows an edit inside a Form.List down to the field', () => {
    // antd reports a change of the second party's ID number as a sparse array.
    const changed = { parties: [undefined, { idNumber: '140621197201058717' }] };
    delete (changed.parties as unknown[])[0];
    expect(changedNames(changed)).toEqual([['parties'], ['parties', 1], ['parties', 1, 'idNumber']]);
  });
});
