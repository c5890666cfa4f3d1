/**
 * seed-demo's building block: a realistic township (real division codes, invented people) written
 * through the core services, one transaction per village, so every row lands in the change log
 * and the audit log names the run. Later domains (cases) add their own step after this one.
 */
import { and, count, isNull } from 'drizzle-orm';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import type { Township } from '../../../shared/api/setup';
import type { Core } from '../app';
import { appendAudit } from '../audit/append';
import type { HandlerContext } from '../context';
import { seedVillageFieldwork } from '../fieldwork/demo';
import { seedVillageWorkLogs } from '../worklogs/demo';
import { grids } from '../org/schema';
import { createGrid, listVillages, savePartyGroup } from '../org/service';
import { addPost } from '../people/posts';
import { seededRandom, type Random } from '../people/random';
import { persons } from '../people/schema';
import { addTraining, createPerson } from '../people/service';
import { syntheticPeople } from '../people/synthetic';
import { CLI_USER } from '../rpc/dispatcher';
import { getTownship } from '../setup/service';
import { minimumPeople, planTownship, type VillagePlan } from './plan';

export interface SeedDemoOptions {
  /** Grids in total, spread over the villages; default two per village. */
  grids?: number;
  /** People in total; default two per village plus four per grid. */
  people?: number;
  seed?: string;
  /** 入户走访 per grid per month (a year of them); default 6. */
  visitsPerMonth?: number;
  /** Seed on top of existing grids or people. */
  force?: boolean;
  /** Used only when the folder has no township yet. */
  init?: { townshipCode: string; adminUsername: string; password: string };
}

export interface SeedDemoResult {
  township: Township;
  initialised: boolean;
  villages: number;
  grids: number;
  partyGroups: number;
  people: number;
  partyMembers: number;
  posts: number;
  trainings: number;
  visits: number;
  buildings: number;
  workLogs: number;
}

function contextOf(core: Core): HandlerContext {
  const { deps } = core;
  return { ...deps, db: deps.conn.db, user: CLI_USER, session: null, now: deps.clock.now().toISOString(), audit: {} };
}

/** Grids or people already there: a clerk's data, which a demo must not be mixed into by accident. */
function hasRealData(ctx: HandlerContext): boolean {
  const live = (table: typeof grids | typeof persons) =>
    ctx.db
      .select({ n: count() })
      .from(table)
      .where(and(isNull(table.deletedAt)))
      .get()!.n;
  return live(grids) > 0 || live(persons) > 0;
}

function inTransaction<T>(core: Core, body: (ctx: HandlerContext) => T): T {
  return core.deps.conn.sqlite.transaction(() => body(contextOf(core))).immediate();
}

export function seedDemoTownship(core: Core, opts: SeedDemoOptions = {}): SeedDemoResult {
  let initialised = false;
  let township = getTownship(core.deps.conn.db);
  if (!township) {
    if (!opts.init) throw new ApiError('CONFLICT', '本机尚未初始化乡镇，请先初始化或给出乡镇代码');
    // Through the contract, so the administrator's password gets the usual checks.
    const r = core.dispatch({
      method: 'setup.init',
      input: { ...opts.init, adminDisplayName: '管理员' },
      actor: 'cli',
    });
    if (!r.ok) throw ApiError.fromBody(r.error);
    township = (r.data as { township: Township }).township;
    initialised = true;
  }
  const ctx0 = contextOf(core);
  if (!opts.force && hasRealData(ctx0)) {
    throw new ApiError('CONFLICT', '数据文件夹中已有网格或人员数据，演示数据不会写入；确需追加请加 --force');
  }
  const villages = listVillages(ctx0, false).sort((a, b) => a.code.localeCompare(b.code));
  if (!villages.length) throw new ApiError('CONFLICT', `${township.name}没有在用的村（社区），无法生成演示数据`);
  const gridCount = opts.grids ?? villages.length * 2;
  const peopleCount = opts.people ?? villages.length * 2 + gridCount * 4;
  const min = minimumPeople(villages.length, gridCount);
  if (peopleCount < min) {
    throw new ApiError(
      'VALIDATION',
      `人数至少为 ${min}（${villages.length} 个村（社区）各一名网格长，${gridCount} 个网格各一名网格员）`,
    );
  }
  const seed = opts.seed ?? 'zongzhi-demo';
  const today = shanghaiDateIso(core.deps.clock.now());
  const people = syntheticPeople({
    countyCode: township.countyCode,
    count: peopleCount,
    seed: `${seed}:people`,
    today,
    minAge: 25,
    maxAge: 65,
  });
  const plans = planTownship(seededRandom(seed), villages, gridCount, people, today);
  const totals = {
    grids: 0,
    partyGroups: 0,
    people: 0,
    partyMembers: 0,
    posts: 0,
    trainings: 0,
    visits: 0,
    buildings: 0,
    workLogs: 0,
  };
  // Its own stream, so adding 走访 left the township's people and structure as they were.
  const fieldwork = {
    random: seededRandom(`${seed}:fieldwork`),
    workLogRandom: seededRandom(`${seed}:worklogs`),
    today,
    visitsPerMonth: opts.visitsPerMonth ?? 6,
  };
  for (const plan of plans) {
    const written = inTransaction(core, (ctx) => writeVillage(ctx, plan, fieldwork));
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += written[k];
  }
  return { township, initialised, villages: villages.length, ...totals };
}

function writeVillage(
  ctx: HandlerContext,
  plan: VillagePlan,
  fieldwork: { random: Random; workLogRandom: Random; today: string; visitsPerMonth: number },
) {
  const { village } = plan;
  const head = plan.people.find((p) => p.post.type === 'head')!;
  const gridIds: string[] = [];
  const groupIds: string[][] = [];
  let partyGroups = 0;
  for (const [g, grid] of plan.grids.entries()) {
    const created = createGrid(ctx, {
      villageId: village.id,
      type: village.kind,
      name: grid.name,
      households: grid.households,
      residents: grid.residents,
      partyBranchName: `${grid.name}党支部`,
      partyBranchSecretary: head.person.name,
      remarks: '演示数据',
    });
    gridIds.push(created.id);
    groupIds.push(
      grid.groupNames.map((name, i) => {
        const members = plan.people.filter((p) => p.group?.[0] === g && p.group[1] === i);
        partyGroups++;
        return savePartyGroup(ctx, {
          gridId: created.id,
          name,
          leaderName: members[0]?.person.name ?? null,
          memberCount: members.length,
        }).id;
      }),
    );
  }
  let trainings = 0;
  const visitors = new Map<number, string>(); // grid index → its first 网格员
  for (const p of plan.people) {
    const { person, post } = p;
    const saved = createPerson(ctx, {
      name: person.name,
      idNumber: person.idNumber,
      phone: person.mobile,
      address: null,
      politicalStatus: person.politicalStatus,
      education: person.education,
      partyRole: p.partyRole,
      partyGroupId: p.group ? groupIds[p.group[0]]![p.group[1]]! : null,
      registeredOn: post.startDate,
      remarks: null,
    });
    addPost(ctx, {
      personId: saved.id,
      type: post.type,
      villageId: village.id,
      gridId: post.grid === null ? undefined : gridIds[post.grid],
      employment: post.employment,
      assistantKind: post.assistantKind,
      instructorKind: post.instructorKind,
      startDate: post.startDate,
    });
    if (post.type === 'worker' && post.grid !== null && !visitors.has(post.grid)) visitors.set(post.grid, saved.id);
    for (const t of p.trainings) addTraining(ctx, { personId: saved.id, ...t });
    trainings += p.trainings.length;
  }
  const walked = seedVillageFieldwork(ctx, fieldwork.random, {
    village,
    grids: gridIds.map((id, g) => ({ id, name: plan.grids[g]!.name, visitorId: visitors.get(g)! })),
    today: fieldwork.today,
    visitsPerMonth: fieldwork.visitsPerMonth,
  });
  const logged = seedVillageWorkLogs(ctx, fieldwork.workLogRandom, {
    grids: gridIds.map((id, g) => ({ id, workerId: visitors.get(g)! })),
    today: fieldwork.today,
  });
  const result = {
    grids: plan.grids.length,
    partyGroups,
    people: plan.people.length,
    partyMembers: plan.people.filter((p) => p.partyRole).length,
    posts: plan.people.length,
    trainings,
    ...walked,
    ...logged,
  };
  appendAudit(ctx.conn, {
    at: ctx.now,
    userId: CLI_USER.id,
    username: CLI_USER.username,
    method: 'demo.seed',
    recordId: village.id,
    detail: JSON.stringify(result),
  });
  return result;
}
