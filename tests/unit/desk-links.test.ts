import { describe, expect, it } from 'vitest';
import { casesHash } from '../../renderer/src/components/cases/caseQuery';
import { hotlineAssignee } from '../../renderer/src/components/hotline/assignee';
import type { GridTeam } from '../../shared/api/people';

describe('工作台 links to the 事件 list', () => {
  it('writes cases.list input keys into the hash, states comma-separated', () => {
    expect(casesHash({ quick: 'overdue' })).toBe('#/cases?quick=overdue');
    expect(casesHash({ states: ['handling', 'assigned'], quick: 'thisMonth' })).toBe(
      '#/cases?states=handling,assigned&quick=thisMonth',
    );
    expect(casesHash({ categoryCode: '01', quick: 'thisMonth' })).toBe('#/cases?categoryCode=01&quick=thisMonth');
    expect(casesHash({ createdFrom: '2026-05-01', createdTo: '2026-05-31', states: ['closed'] })).toBe(
      '#/cases?states=closed&createdFrom=2026-05-01&createdTo=2026-05-31',
    );
    expect(casesHash({ states: [], quick: undefined })).toBe('#/cases');
  });
});

describe('whom a hotline call is assigned to', () => {
  const grid = { villageId: 'v1', villageName: '玉井村' };
  const member = (personId: string, name: string, kind: string) => ({
    postId: `p-${personId}`,
    personId,
    name,
    phoneMasked: null,
    kind,
    startDate: '2025-01-01',
  });
  const team = (workers: ReturnType<typeof member>[]): GridTeam => ({
    gridId: 'g1',
    heads: [],
    workers,
    assistants: [],
    instructors: [],
    counts: { heads: 0, fullTime: 0, partTime: 0, assistants: 0, instructors: 0 },
  });

  it('prefers a 专职 网格员, then any 网格员, else the village', () => {
    expect(hotlineAssignee(grid, team([member('a', '兼职甲', '兼职'), member('b', '专职乙', '专职')]))).toEqual({
      kind: 'gridWorker',
      id: 'b',
      name: '专职乙',
    });
    expect(hotlineAssignee(grid, team([member('a', '兼职甲', '兼职')]))).toMatchObject({ id: 'a' });
    expect(hotlineAssignee(grid, team([]))).toEqual({ kind: 'village', id: 'v1', name: '玉井村' });
  });
});
