import { describe, expect, it } from 'vitest';
import { apiTable } from '../../shared/api';
import { createClient } from '../../shared/api/client';
import { formatDateTime, formatDateZh } from '../../shared/dates';
import { ApiError } from '../../shared/errors';
import { gridCode, villageKindOf } from '../../shared/org/codes';
import { gridSizeWarnings } from '../../shared/org/grid';

describe('codes', () => {
  it('classifies village codes by digits 10–12', () => {
    expect(villageKindOf('140621100001')).toBe('community');
    expect(villageKindOf('140621100199')).toBe('community');
    expect(villageKindOf('140621100200')).toBe('village');
    expect(villageKindOf('140621100399')).toBe('village');
    expect(villageKindOf('140621100400')).toBeNull();
    expect(villageKindOf('140621100000')).toBeNull();
    expect(villageKindOf('14062110020')).toBeNull();
  });
  it('builds 15-digit grid codes', () => {
    expect(gridCode('140621100200', 7)).toBe('140621100200007');
    expect(gridCode('140621100200', 123)).toBe('140621100200123');
  });
  it('warns past the size guidance, at the boundary exactly', () => {
    expect(gridSizeWarnings(500, 2500)).toEqual([]);
    expect(gridSizeWarnings(501, 2500)).toHaveLength(1);
    expect(gridSizeWarnings(500, 2501)).toHaveLength(1);
  });
});

describe('dates', () => {
  it('prints paper dates in Asia/Shanghai', () => {
    expect(formatDateZh('2026-11-25T16:30:00Z')).toBe('2026年11月26日');
    expect(formatDateZh('2026-01-05T00:00:00+08:00')).toBe('2026年01月05日');
    expect(formatDateTime('2026-11-25T16:30:00Z')).toBe('2026-11-26 00:30');
  });
});

describe('typed client', () => {
  it('routes api.ns.method to the table name and rethrows typed errors', async () => {
    const calls: string[] = [];
    const api = createClient(apiTable, async (method) => {
      calls.push(method);
      if (method === 'org.createGrid') {
        return {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: '请填写网格名称',
            issues: [{ path: ['name'], message: '请填写网格名称' }],
          },
        };
      }
      return { ok: true, data: { initialized: false, township: null } };
    });
    await expect(api.setup.status({})).resolves.toEqual({ initialized: false, township: null });
    const err = await api.org
      .createGrid({ villageId: 'x', type: 'village', name: '', households: 0, residents: 0 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).issues[0]!.path).toEqual(['name']);
    expect(calls).toEqual(['setup.status', 'org.createGrid']);
  });

  it('every method declares its access and a Chinese title', () => {
    for (const [name, def] of Object.entries(apiTable)) {
      expect(def.access === 'public' || def.access.length > 0, name).toBe(true);
      expect(def.title, name).toMatch(/[\u4e00-\u9fff]/);
    }
    const publicOnes = Object.entries(apiTable)
      .filter(([, d]) => d.access === 'public')
      .map(([n]) => n);
    expect(publicOnes.sort()).toEqual(['auth.login', 'setup.divisions', 'setup.init', 'setup.status']);
  });
});
