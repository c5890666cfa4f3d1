/**
 * The organisation's figures on one day: grids by type, households, residents, the "一长三员" and
 * the party organisations, per village/community and for the whole scope. The 网格基本情况统计表
 * and, later, the 工作台 both read them here, so the two cannot disagree.
 */
import type { Connection } from '../../db/connection';

export interface GridBasicsFigures {
  grids: number;
  villageGrids: number;
  communityGrids: number;
  dedicatedGrids: number;
  households: number;
  residents: number;
  heads: number;
  fullTime: number;
  partTime: number;
  assistants: number;
  instructors: number;
  partyBranches: number;
  partyGroups: number;
  partyMembers: number;
}

export interface VillageFigures extends GridBasicsFigures {
  villageId: string;
  code: string;
  name: string;
}

export interface GridBasicsQuery {
  /** The day counted, `YYYY-MM-DD`: posts held on it (started on or before, not yet ended). */
  asOf: string;
  /** The instant that day ends (UTC ISO): villages and grids retired before it no longer count. */
  until: string;
  /** One village or community; null for the whole township. */
  villageId: string | null;
}

// A post ended on `asOf` no longer counts that day: 离任日期 is the first day without the post.
const SCOPE = `
WITH v AS (
  SELECT id, code, name FROM villages
  WHERE deleted_at IS NULL AND (retired_at IS NULL OR retired_at >= @until)
    AND (@villageId IS NULL OR id = @villageId)
),
g AS (
  SELECT g.* FROM grids g JOIN v ON v.id = g.village_id
  WHERE g.deleted_at IS NULL AND (g.retired_at IS NULL OR g.retired_at >= @until)
),
pg AS (
  SELECT pg.id, g.village_id FROM party_groups pg JOIN g ON g.id = pg.grid_id WHERE pg.deleted_at IS NULL
),
p AS (
  SELECT p.* FROM posts p
  JOIN v ON v.id = p.village_id
  JOIN persons pe ON pe.id = p.person_id AND pe.deleted_at IS NULL
  WHERE p.deleted_at IS NULL AND p.start_date <= @asOf AND (p.end_date IS NULL OR p.end_date > @asOf)
    AND (p.grid_id IS NULL OR p.grid_id IN (SELECT id FROM g))
),
members AS (
  SELECT pe.id AS person_id, pg.village_id FROM persons pe JOIN pg ON pg.id = pe.party_group_id
  WHERE pe.deleted_at IS NULL AND pe.party_member = 1
  UNION
  SELECT pe.id, p.village_id FROM persons pe JOIN p ON p.person_id = pe.id
  WHERE pe.party_member = 1
)`;

/** The figures grouped by `bucket`: `v.id` gives one row per village, a constant one row in all. */
function figuresSql(bucket: (table: string) => string): string {
  return `${SCOPE}
SELECT v.id AS villageId, v.code, v.name,
  coalesce(gs.grids, 0) AS grids, coalesce(gs.villageGrids, 0) AS villageGrids,
  coalesce(gs.communityGrids, 0) AS communityGrids, coalesce(gs.dedicatedGrids, 0) AS dedicatedGrids,
  coalesce(gs.households, 0) AS households, coalesce(gs.residents, 0) AS residents,
  coalesce(gs.partyBranches, 0) AS partyBranches,
  coalesce(ps.heads, 0) AS heads, coalesce(ps.fullTime, 0) AS fullTime, coalesce(ps.partTime, 0) AS partTime,
  coalesce(ps.assistants, 0) AS assistants, coalesce(ps.instructors, 0) AS instructors,
  coalesce(gr.partyGroups, 0) AS partyGroups, coalesce(ms.partyMembers, 0) AS partyMembers
FROM (SELECT ${bucket('v')} AS bucket, min(id) AS id, min(code) AS code, min(name) AS name FROM v GROUP BY 1) v
LEFT JOIN (
  SELECT ${bucket('g')} AS bucket, count(*) AS grids,
    sum(type = 'village') AS villageGrids, sum(type = 'community') AS communityGrids,
    sum(type = 'dedicated') AS dedicatedGrids, sum(households) AS households, sum(residents) AS residents,
    sum(coalesce(trim(party_branch_name), '') <> '') AS partyBranches
  FROM g GROUP BY 1
) gs ON gs.bucket = v.bucket
LEFT JOIN (
  SELECT ${bucket('p')} AS bucket,
    count(DISTINCT CASE WHEN type = 'head' THEN person_id END) AS heads,
    count(DISTINCT CASE WHEN type = 'worker' AND employment = 'full_time' THEN person_id END) AS fullTime,
    count(DISTINCT CASE WHEN type = 'worker' AND employment = 'part_time' THEN person_id END) AS partTime,
    count(DISTINCT CASE WHEN type = 'assistant' THEN person_id END) AS assistants,
    count(DISTINCT CASE WHEN type = 'instructor' THEN person_id END) AS instructors
  FROM p GROUP BY 1
) ps ON ps.bucket = v.bucket
LEFT JOIN (SELECT ${bucket('pg')} AS bucket, count(*) AS partyGroups FROM pg GROUP BY 1) gr ON gr.bucket = v.bucket
LEFT JOIN (
  SELECT ${bucket('members')} AS bucket, count(DISTINCT person_id) AS partyMembers FROM members GROUP BY 1
) ms ON ms.bucket = v.bucket
ORDER BY v.code`;
}

const VILLAGE_ID_COLUMN: Record<string, string> = {
  v: 'id',
  g: 'village_id',
  p: 'village_id',
  pg: 'village_id',
  members: 'village_id',
};
const PER_VILLAGE = figuresSql((t) => `${t}.${VILLAGE_ID_COLUMN[t]}`);
const ALL = figuresSql(() => `'*'`);

const EMPTY: GridBasicsFigures = {
  grids: 0,
  villageGrids: 0,
  communityGrids: 0,
  dedicatedGrids: 0,
  households: 0,
  residents: 0,
  heads: 0,
  fullTime: 0,
  partTime: 0,
  assistants: 0,
  instructors: 0,
  partyBranches: 0,
  partyGroups: 0,
  partyMembers: 0,
};

/**
 * One row per village/community in scope, and the scope's total. The total counts a person once
 * even when they hold posts in two villages, so it may be less than the column's sum.
 */
export function gridBasicsFigures(
  conn: Pick<Connection, 'sqlite'>,
  q: GridBasicsQuery,
): { villages: VillageFigures[]; total: GridBasicsFigures } {
  const params = { asOf: q.asOf, until: q.until, villageId: q.villageId };
  const rows = conn.sqlite.prepare(PER_VILLAGE).all(params) as VillageFigures[];
  const all = conn.sqlite.prepare(ALL).get(params) as VillageFigures | undefined;
  const total = { ...EMPTY };
  if (all) for (const k of Object.keys(EMPTY) as (keyof GridBasicsFigures)[]) total[k] = all[k];
  return { villages: rows, total };
}
