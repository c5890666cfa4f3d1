/**
 * Demo cases at scale: years of a township's case history for demos and the 1M-case benchmarks.
 *
 * It bypasses the per-action service (createCase/applyAction) on purpose: that path reads the
 * taxonomy and calendar, re-selects the case and writes one row per statement through drizzle,
 * which is right for a clerk's one action but would take hours for a million cases. Here each case's
 * path through the loop is still decided by the loop table itself (shared/cases/loop.ts `nextState`,
 * so every timeline row is a legal transition with its real sentence), and the rows are written with
 * prepared statements in large transactions. The columns are those the service would leave — state,
 * awaiting, the running step's clock with its stored due/yellow instants, the automatic 督办 the
 * sweep would have raised — so cases.get and cases.act work on them as on any other case.
 * The capture and search triggers stay on: the change log gets every row (the county would receive
 * a real township's history too) and the search index follows.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  EMERGENCY_REPORT_KIND_LABELS,
  MEDIATION_RESULT_LABELS,
  type CaseSource,
  type MediationResult,
} from '../../../shared/cases/codes';
import { FINAL_STATES, STEP_CLOCK, nextState, type CaseState, type LoopAction } from '../../../shared/cases/loop';
import { limitsFor, type Taxonomy } from '../../../shared/cases/taxonomy';
import { ASSIGNEE_KIND_LABELS, type AssigneeKind } from '../../../shared/cases/loop-payloads';
import { formatCaseNumber } from '../../../shared/cases/number';
import { shanghaiDateIso } from '../../../shared/dates';
import type { Role } from '../../../shared/roles';
import type { PiiCipher } from '../crypto/pii';
import type { Connection } from '../db/connection';
import { seededRandom } from '../people/random';
import { getTownship } from '../setup/service';
import { dropChangeCapture, installChangeCapture } from '../sync/triggers';
import { awaitingOf } from './act';
import { loadCalendar } from './calendar';
import { clockInstants, fixedDueDateOf } from './deadline';
import { emergencyReports, majorDisputeFacts, orderFacts } from './demo-facts';
import { PARTY_COLUMNS, demoParties } from './demo-parties';
import { FEEDBACK, FILE_REASONS, REJECT_REASONS, RESULTS, personName, placeFor, summaryFor } from './demo-words';
import { loadTaxonomy } from './taxonomy-store';

export interface DemoCaseOptions {
  count: number;
  /** Same seed, same cases (ids included). */
  seed?: number;
  /** How many years of history end at `now`. */
  years?: number;
  now: string;
  /** Cases per transaction. */
  batch?: number;
  onProgress?: (done: number) => void;
  /**
   * Default true: every row enters the change log, as a real township's history would reach the
   * county. False (benchmarks only) drops the capture triggers while seeding and puts them back:
   * about half the write work, and those rows will never be sent.
   */
  changeLog?: boolean;
}

export interface DemoCaseResult {
  count: number;
  events: number;
  byState: Partial<Record<CaseState, number>>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1]![0];
  };
  const between = (lo: number, hi: number) => lo + next() * (hi - lo);
  const bytes = () => Uint8Array.from({ length: 16 }, () => int(256));
  return { next, int, pick, weighted, between, bytes };
}

const SOURCE_WEIGHTS: readonly (readonly [CaseSource, number])[] = [
  ['patrol', 45],
  ['visit', 15],
  ['hotline', 15],
  ['transfer12345', 12],
  ['walkIn', 8],
  ['superior', 5],
];
const CATEGORY_WEIGHTS = [
  ['01', 35],
  ['02', 20],
  ['03', 25],
  ['04', 5],
  ['05', 8],
  ['06', 2],
  ['99', 5],
] as const;
/** The GB/T 31000 types a township meets most. */
const DISPUTE_WEIGHTS: Record<string, number> = {
  '01': 12,
  '02': 30,
  '04': 8,
  '05': 8,
  '06': 6,
  '07': 8,
  '09': 12,
  '11': 6,
};

interface Place {
  gridId: string;
  villageId: string;
  villageName: string;
  worker: { id: string; name: string } | null;
}

interface Actors {
  clerk: { id: string; name: string; role: Role };
  reviewer: { id: string; name: string; role: Role };
}

function loadContext(conn: Connection) {
  const { sqlite } = conn;
  const places = sqlite
    .prepare(
      `SELECT g.id AS gridId, g.village_id AS villageId, v.name AS villageName,
              (SELECT p.id || char(9) || p.name FROM posts s JOIN persons p ON p.id = s.person_id
                WHERE s.grid_id = g.id AND s.type = 'worker' AND s.end_date IS NULL AND s.deleted_at IS NULL
                  AND p.deleted_at IS NULL ORDER BY s.start_date LIMIT 1) AS worker
         FROM grids g JOIN villages v ON v.id = g.village_id
        WHERE g.deleted_at IS NULL AND g.retired_at IS NULL ORDER BY g.code`,
    )
    .all() as { gridId: string; villageId: string; villageName: string; worker: string | null }[];
  if (!places.length) throw new Error('本乡镇还没有网格，请先生成网格和人员（seed-demo）再生成事件');
  const users = sqlite.prepare('SELECT id, display_name AS name, role FROM users ORDER BY created_at').all() as {
    id: string;
    name: string;
    role: Role;
  }[];
  const admin = users.find((u) => u.role === 'admin');
  if (!admin) throw new Error('本乡镇还没有管理员账号，不能生成事件');
  const actors: Actors = {
    clerk: users.find((u) => u.role === 'clerk') ?? admin,
    reviewer: users.find((u) => u.role === 'reviewer') ?? admin,
  };
  return {
    places: places.map<Place>((p) => {
      const [id, name] = p.worker?.split('\t') ?? [];
      return { ...p, worker: id && name ? { id, name } : null };
    }),
    actors,
  };
}

/** The sorted registration instants: spread over the years, a little denser on weekdays. */
function registrationTimes(rand: ReturnType<typeof prng>, count: number, start: number, end: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let t = rand.between(start, end);
    const weekday = new Date(t + 8 * HOUR).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rand.next() < 0.4) t = rand.between(start, end);
    times[i] = t;
  }
  return times.sort();
}

type Step = { action: LoopAction; payload: Record<string, unknown>; gap: [number, number]; reviewer?: boolean };

/** The steps a case would take if nothing stopped it, and the mediation record for a dispute. */
function plannedPath(
  rand: ReturnType<typeof prng>,
  place: Place,
  duplicateOf: string | null,
  dispute: boolean,
  emergency: boolean,
): { steps: Step[]; mediation: boolean } {
  // A 突发事件 is taken on at registration (never screened), so its path starts at 交办.
  const steps: Step[] = emergency ? [] : [{ action: 'report', payload: {}, gap: [5 * 60_000, 2 * HOUR] }];
  if (!emergency && rand.next() < 0.3) steps.push({ action: 'receive', payload: {}, gap: [10 * 60_000, 4 * HOUR] });
  const r = emergency ? 1 : rand.next();
  if (r < 0.02) {
    steps.push({
      action: 'reject',
      payload: { reason: rand.pick(REJECT_REASONS) },
      gap: [2 * HOUR, DAY],
      reviewer: true,
    });
    return { steps, mediation: false };
  }
  if (r < 0.035 && duplicateOf) {
    steps.push({ action: 'merge', payload: { duplicateOf }, gap: [2 * HOUR, DAY], reviewer: true });
    return { steps, mediation: false };
  }
  if (r < 0.05) {
    steps.push({ action: 'file', payload: { reason: rand.pick(FILE_REASONS) }, gap: [2 * HOUR, DAY], reviewer: true });
    return { steps, mediation: false };
  }
  const assignee =
    place.worker && rand.next() < 0.7
      ? { kind: 'gridWorker', id: place.worker.id, name: place.worker.name }
      : rand.next() < 0.8
        ? { kind: 'village', id: place.villageId, name: place.villageName }
        : { kind: 'office', name: rand.pick(['派出所', '司法所', '综合执法队', '民政办', '应急办']) };
  if (!emergency) steps.push({ action: 'accept', payload: {}, gap: [HOUR, 20 * HOUR] });
  steps.push({ action: 'assign', payload: { assignee }, gap: [10 * 60_000, emergency ? HOUR : 3 * HOUR] });
  if (rand.next() < 0.4)
    steps.push({ action: 'progress', payload: { note: '已到现场核实情况' }, gap: [HOUR, 2 * DAY] });
  steps.push(
    { action: 'resolve', payload: { result: rand.pick(RESULTS) }, gap: [4 * HOUR, 4 * DAY] },
    { action: 'feedback', payload: { note: rand.pick(FEEDBACK) }, gap: [HOUR, DAY] },
    { action: 'close', payload: {}, gap: [HOUR, 2 * DAY], reviewer: true },
  );
  if (rand.next() < 0.3)
    steps.push({
      action: 'followUp',
      payload: dispute
        ? {
            performance: rand.weighted([
              ['fulfilled', 85],
              ['partly', 12],
              ['unfulfilled', 3],
            ] as const),
          }
        : {
            satisfaction: rand.weighted([
              ['satisfied', 85],
              ['basically', 12],
              ['dissatisfied', 3],
            ] as const),
          },
      gap: [DAY, 7 * DAY],
    });
  return { steps, mediation: true };
}

const MEDIATION_OUTCOMES: Record<MediationResult, string> = {
  success: '双方达成调解协议',
  failure: '调解不成，已告知当事人可通过诉讼、仲裁途径解决',
  terminated: '一方当事人明确拒绝继续调解，终止调解',
};

const CASE_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'updated_by',
  'deleted_at',
  'number',
  'year',
  'seq',
  'source',
  'category_code',
  'subcategory_code',
  'item_code',
  'category_label',
  'category_name',
  'subcategory_name',
  'dispute',
  'emergency',
  'order_ref',
  'order_due_date',
  'major_dispute',
  'major_grounds',
  'scale',
  'urgency',
  'grid_id',
  'village_id',
  'place',
  'occurred_at',
  'reporter_name',
  'reporter_contact_enc',
  'reporter_contact_hash',
  'people_involved',
  'discoverer_kind',
  'discoverer_id',
  'discoverer_name',
  'on_spot',
  'summary',
  'state',
  'awaiting',
  'assignee_kind',
  'assignee_id',
  'assignee_label',
  'step_started_at',
  'step_limit_days',
  'extension_days',
  'extension_pending',
  'due_at',
  'yellow_at',
  'supervision_level',
  'supervision_count',
  'resolution',
  'follow_up_satisfaction',
  'follow_up_performance',
  'auto_supervised_due',
  'merged_into_id',
  'mediation_method',
  'mediation_org',
  'mediation_responsible',
  'mediation_level',
  'mediation_result',
  'mediation_outcome',
  'closed_at',
] as const;
const EMERGENCY_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'updated_by',
  'case_id',
  'kind',
  'reported_at',
  'content',
  'reporter_name',
] as const;
/** The 大类 of 突发事件 in the default taxonomy. */
const EMERGENCY_CATEGORY = '06';
const EVENT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'updated_by',
  'case_id',
  'action',
  'from_state',
  'to_state',
  'actor_id',
  'actor_name',
  'text',
  'payload',
] as const;
/** The share of patrol and visit finds (grids with a 网格员) settled on the spot. */
const ON_SPOT_SHARE = 0.25;
const ON_SPOT_RESULTS = [
  '网格员现场劝导，当事人当场整改',
  '联系村委会当场清理完毕',
  '现场调解，双方达成一致',
  '当场解答政策，群众表示满意',
  '协助群众当场联系维修人员处理',
] as const;

function discovererOf(source: CaseSource, place: Place, reporterName: string | null) {
  if ((source === 'patrol' || source === 'visit') && place.worker) {
    return { discoverer_kind: 'team', discoverer_id: place.worker.id, discoverer_name: place.worker.name };
  }
  if (reporterName) return { discoverer_kind: 'public', discoverer_id: null, discoverer_name: reporterName };
  return { discoverer_kind: null, discoverer_id: null, discoverer_name: null };
}

/** As cases.recordOnSpot allows: found by the grid's worker, never a 突发事件. */
function onSpotFits(source: CaseSource, category: { name: string }, place: Place): boolean {
  return (source === 'patrol' || source === 'visit') && place.worker !== null && category.name !== '突发事件';
}

/** Turns a generated case into a 就地化解, as cases.recordOnSpot writes one. */
function settleOnSpot(
  row: Record<string, unknown>,
  timeline: Record<string, unknown>[],
  o: {
    onSpotRand: { next(): number; pick<T>(items: readonly T[]): T };
    t0: number;
    number: string;
    worker: { id: string; name: string };
    villageName: string;
    actor: { id: string; name: string };
    dispute: boolean;
  },
): void {
  const at = new Date(o.t0).toISOString();
  const resolution = o.onSpotRand.pick(ON_SPOT_RESULTS);
  Object.assign(row, {
    on_spot: 1,
    state: 'closed',
    awaiting: null,
    assignee_kind: null,
    assignee_id: null,
    assignee_label: null,
    step_started_at: null,
    step_limit_days: null,
    due_at: null,
    yellow_at: null,
    supervision_level: null,
    supervision_count: 0,
    auto_supervised_due: null,
    follow_up_satisfaction: null,
    follow_up_performance: null,
    merged_into_id: null,
    resolution,
    closed_at: at,
    ...(o.dispute
      ? {
          mediation_method: 'people',
          mediation_org: `${o.villageName}人民调解委员会`,
          mediation_responsible: o.worker.name,
          mediation_level: 'village',
          mediation_result: 'success',
          mediation_outcome: resolution,
        }
      : {
          mediation_method: null,
          mediation_org: null,
          mediation_responsible: null,
          mediation_level: null,
          mediation_result: null,
          mediation_outcome: null,
        }),
  });
  const first = timeline[0]!;
  timeline.length = 0;
  timeline.push({
    ...first,
    updated_by: o.actor.id,
    action: 'onSpot',
    from_state: null,
    to_state: 'closed',
    actor_id: o.actor.id,
    actor_name: o.actor.name,
    text: `就地化解：${resolution}（事件 ${o.number}，发现人 ${o.worker.name}）`,
    payload: JSON.stringify({ resolution, discovererId: o.worker.id }),
  });
}

const insertSql = (table: string, cols: readonly string[]) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`;

/**
 * Seeds `count` cases registered over the `years` before `now`, in the township's existing grids,
 * numbered after any case already issued. Deterministic for a given seed and database.
 */
export function seedDemoCases(deps: { conn: Connection; pii: PiiCipher }, opts: DemoCaseOptions): DemoCaseResult {
  const { conn, pii } = deps;
  const { sqlite } = conn;
  const township = getTownship(conn.db);
  if (!township) throw new Error('本机尚未初始化乡镇，不能生成事件');
  const taxonomy: Taxonomy = loadTaxonomy(conn.db);
  const calendar = loadCalendar(conn.db);
  const { places, actors } = loadContext(conn);
  const rand = prng(opts.seed ?? 1);
  const end = +new Date(opts.now);
  const start = end - (opts.years ?? 3) * 365 * DAY;
  const times = registrationTimes(rand, opts.count, start, end);
  const system = { id: 'system', name: '系统', role: 'reviewer' as Role };

  type Category = Taxonomy['categories'][number];
  const categories: (readonly [Category, number])[] = [];
  for (const [code, w] of CATEGORY_WEIGHTS) {
    const c = taxonomy.categories.find((x) => x.code === code);
    if (c) categories.push([c, w]);
  }
  if (!categories.length) throw new Error('事件分类表为空，不能生成事件');

  const lastSeq = new Map<number, number>(
    (
      sqlite
        .prepare('SELECT year, last_seq AS seq FROM case_number_counters WHERE township_code = ?')
        .all(township.code) as {
        year: number;
        seq: number;
      }[]
    ).map((r) => [r.year, r.seq]),
  );
  const insertCase = sqlite.prepare(insertSql('cases', CASE_COLUMNS));
  const insertEvent = sqlite.prepare(insertSql('case_events', EVENT_COLUMNS));
  const insertParty = sqlite.prepare(insertSql('case_parties', PARTY_COLUMNS));
  const insertEmergency = sqlite.prepare(insertSql('case_emergency_reports', EMERGENCY_COLUMNS));
  const partyRand = seededRandom(`${opts.seed ?? 1}-parties`);
  const onSpotRand = seededRandom(`${opts.seed ?? 1}-onspot`);
  const setCounter = sqlite.prepare(
    `INSERT INTO case_number_counters (township_code, year, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (township_code, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  );
  const byState: Partial<Record<CaseState, number>> = {};
  let events = 0;
  /** The newest case per 小类, a plausible duplicate for a 合并. */
  const recent = new Map<string, { id: string; number: string }>();
  const iso = (ms: number) => new Date(ms).toISOString();

  const one = (t0: number) => {
    const place = rand.pick(places);
    const category = rand.weighted(categories);
    const sub =
      category.code === '01'
        ? rand.weighted(category.subcategories.map((s) => [s, DISPUTE_WEIGHTS[s.code] ?? 1] as const))
        : rand.pick(category.subcategories);
    const item = sub.items?.length && rand.next() < 0.6 ? rand.pick(sub.items) : null;
    const year = Number(shanghaiDateIso(new Date(t0)).slice(0, 4));
    const seq = (lastSeq.get(year) ?? 0) + 1;
    lastSeq.set(year, seq);
    const number = formatCaseNumber({ townshipCode: township.code, year, seq });
    const id = uuidv7({ msecs: Math.floor(t0), random: rand.bytes() });
    const source = rand.weighted(SOURCE_WEIGHTS);
    const limits = limitsFor(taxonomy, category.code, sub.code, source)!;
    const scale = rand.weighted([
      ['01', 95],
      ['02', 4.5],
      ['03', 0.5],
    ] as const);
    const contact =
      source === 'hotline' || source === 'walkIn' || source === 'transfer12345'
        ? `1${rand.pick(['3', '5', '8'])}${String(rand.int(1e9)).padStart(9, '0')}`
        : null;
    const key = `${category.code}/${sub.code}`;
    const dup = recent.get(key) ?? null;
    const dispute = category.dispute === true;
    const emergency = category.code === EMERGENCY_CATEGORY;
    const { steps, mediation } = plannedPath(rand, place, dup?.number ?? null, dispute, emergency);
    // Old cases are done; a few got stuck and are overdue, as in any township.
    const stuck = end - t0 > 30 * DAY && rand.next() < 0.0005 ? 1 + rand.int(5) : Infinity;

    let state: CaseState = 'registered';
    let at = t0;
    let clockStart: string | null = null;
    const row: Record<string, unknown> = {
      id,
      created_at: iso(t0),
      deleted_at: null,
      number,
      year,
      seq,
      source,
      category_code: category.code,
      subcategory_code: sub.code,
      item_code: item?.code ?? null,
      category_label: [category.name, sub.name, item?.name].filter(Boolean).join(' / '),
      category_name: category.name,
      subcategory_name: sub.name,
      dispute: dispute ? 1 : 0,
      emergency: emergency ? 1 : 0,
      ...orderFacts(rand, source, t0, township.countyName),
      scale,
      urgency: rand.weighted([
        ['normal', 90],
        ['urgent', 9],
        ['critical', 1],
      ] as const),
      grid_id: place.gridId,
      village_id: place.villageId,
      place: placeFor(rand.pick, place.villageName, () => rand.int(1e6)),
      occurred_at: iso(t0 - rand.between(10 * 60_000, 2 * DAY)),
      reporter_name: contact ? personName(rand.pick) : null,
      reporter_contact_enc: pii.encryptNullable(contact),
      reporter_contact_hash: contact ? pii.lookupHash(contact) : null,
      people_involved: scale === '01' ? 1 + rand.int(4) : scale === '02' ? 6 + rand.int(55) : 50 + rand.int(550),
      on_spot: 0,
      summary: summaryFor(rand.pick, category.code, sub.code),
      assignee_kind: null,
      assignee_id: null,
      assignee_label: null,
      step_started_at: null,
      step_limit_days: null,
      extension_days: 0,
      extension_pending: 0,
      due_at: null,
      yellow_at: null,
      supervision_level: null,
      supervision_count: 0,
      resolution: null,
      follow_up_satisfaction: null,
      follow_up_performance: null,
      auto_supervised_due: null,
      merged_into_id: null,
      mediation_method: null,
      mediation_org: null,
      mediation_responsible: null,
      mediation_level: null,
      mediation_result: null,
      mediation_outcome: null,
      closed_at: null,
    };
    // 发现人: the grid's own worker for what the grid found, the caller or visitor otherwise; none for a
    // county order. Decided without the main stream, so the cases themselves stay as they were.
    Object.assign(row, discovererOf(source, place, row.reporter_name as string | null));
    const timeline: Record<string, unknown>[] = [];
    const event = (
      ms: number,
      actor: { id: string; name: string },
      e: { action: string; from: CaseState | null; to: CaseState; text: string; payload: unknown },
    ) => {
      // The facts the case keeps of its timeline, as planAction keeps them (督办 level set by the caller).
      const p = e.payload as { result?: string; satisfaction?: string; performance?: string };
      if (e.action === 'supervise') row.supervision_count = (row.supervision_count as number) + 1;
      if (e.action === 'resolve') row.resolution = p.result;
      if (e.action === 'followUp') {
        row.follow_up_satisfaction = p.satisfaction ?? null;
        row.follow_up_performance = p.performance ?? null;
      }
      timeline.push({
        id: uuidv7({ msecs: Math.floor(ms), random: rand.bytes() }),
        created_at: iso(ms),
        updated_at: iso(ms),
        updated_by: actor.id,
        case_id: id,
        action: e.action,
        from_state: e.from,
        to_state: e.to,
        actor_id: actor.id,
        actor_name: actor.name,
        text: e.text,
        payload: JSON.stringify(e.payload ?? {}),
      });
    };
    event(t0, actors.clerk, {
      action: 'register',
      from: null,
      to: 'registered',
      text: `登记事件 ${number}`,
      payload: {},
    });
    if (emergency) {
      // As createCase does: reported up at once and taken on without 甄别 (the screen step's clock runs to 交办).
      at = t0 + 1000;
      event(at, actors.clerk, {
        action: 'emergency',
        from: 'registered',
        to: 'accepted',
        text: '突发事件：即时首报县综治中心，免予甄别，直接受理',
        payload: {},
      });
      state = 'accepted';
      clockStart = iso(at);
      row.step_started_at = clockStart;
      row.step_limit_days = limits[STEP_CLOCK.accepted!];
    }
    for (const [i, step] of steps.entries()) {
      const next = at + rand.between(...step.gap);
      if (next > end || i >= stuck) break;
      const actor = step.reviewer ? actors.reviewer : actors.clerk;
      const result: ReturnType<typeof nextState> = nextState({ state }, step.action, actor.role, step.payload);
      if (!result.ok) throw result.error; // a path the loop table refuses is a bug in this file
      at = next;
      const to: CaseState = result.state;
      if (STEP_CLOCK[to] && STEP_CLOCK[to] !== STEP_CLOCK[state]) {
        clockStart = iso(at);
        row.step_started_at = clockStart;
        row.step_limit_days = limits[STEP_CLOCK[to]!];
      }
      if (step.action === 'assign') {
        const a = step.payload.assignee as { kind: string; id?: string; name: string };
        Object.assign(row, {
          assignee_kind: a.kind,
          assignee_id: a.id ?? null,
          assignee_label: `${ASSIGNEE_KIND_LABELS[a.kind as AssigneeKind]}：${a.name}`,
        });
      }
      if (step.action === 'merge') row.merged_into_id = dup!.id;
      event(at, actor, result.entry);
      if (step.action === 'resolve' && dispute && mediation) {
        const org = `${place.villageName}人民调解委员会`;
        const responsible = personName(rand.pick);
        const result = rand.weighted([
          ['success', 88],
          ['failure', 9],
          ['terminated', 3],
        ] as const);
        const level = row.assignee_kind === 'office' ? 'township' : 'village';
        Object.assign(row, {
          mediation_method: rand.weighted([
            ['people', 75],
            ['administrative', 10],
            ['publicSecurity', 10],
            ['lawyer', 5],
          ] as const),
          mediation_org: level === 'township' ? `${township.name}人民调解委员会` : org,
          mediation_responsible: responsible,
          mediation_level: level,
          mediation_result: result,
          mediation_outcome: MEDIATION_OUTCOMES[result],
        });
        const payload = {
          method: row.mediation_method,
          organisation: row.mediation_org,
          responsible,
          level,
          result,
          outcome: row.mediation_outcome,
        };
        event(at + 1000, actor, {
          action: 'mediation',
          from: to,
          to,
          text: `登记调解情况：${row.mediation_org as string}（责任人 ${responsible}），${MEDIATION_RESULT_LABELS[result]}`,
          payload,
        });
      }
      if (FINAL_STATES.includes(to) && !FINAL_STATES.includes(state)) row.closed_at = iso(at);
      state = to;
    }
    row.state = state;
    row.awaiting = awaitingOf(state, false);
    if (!STEP_CLOCK[state]) {
      Object.assign(row, { step_started_at: null, step_limit_days: null });
    } else {
      const clock = clockInstants(
        {
          startedAt: clockStart!,
          limitDays: row.step_limit_days as number,
          extensionDays: 0,
          fixedDueDate: fixedDueDateOf(
            { source, orderDueDate: row.order_due_date as string | null },
            STEP_CLOCK[state],
          ),
        },
        calendar,
      );
      Object.assign(row, { due_at: clock.dueAt, yellow_at: clock.yellowAt });
      // What the overdue sweep would have done by now: one 黄牌 for the missed deadline.
      const dueMs = +new Date(clock.dueAt);
      if (dueMs < end) {
        at = Math.min(end, dueMs + rand.between(60_000, 10 * 60_000));
        const result = nextState({ state }, 'supervise', 'reviewer', {
          level: 'yellow',
          note: '超过办理时限，系统自动督办',
        });
        if (!result.ok) throw result.error;
        event(at, system, result.entry);
        Object.assign(row, { supervision_level: 'yellow', auto_supervised_due: clock.dueAt });
      }
    }
    // 就地化解: about a quarter of what a 网格员 finds on patrol or a visit is settled there and then,
    // registered already closed with one timeline row. Its own stream, like the parties'.
    if (onSpotFits(source, category, place) && onSpotRand.next() < ON_SPOT_SHARE) {
      state = 'closed';
      settleOnSpot(row, timeline, {
        onSpotRand,
        t0,
        number,
        worker: place.worker!,
        villageName: place.villageName,
        actor: actors.clerk,
        dispute,
      });
    }
    const last = timeline[timeline.length - 1]!;
    Object.assign(row, { updated_at: last.created_at, updated_by: last.updated_by });
    const parties = dispute
      ? demoParties({
          rand: partyRand,
          pii,
          countyCode: township.code.slice(0, 6),
          at: t0,
          actorId: actors.clerk.id,
          caseId: id,
          place: row.place as string,
        })
      : [];
    // The named parties are among the people involved.
    row.people_involved = Math.max(row.people_involved as number, parties.length);
    Object.assign(row, majorDisputeFacts(rand, dispute, row.people_involved as number));
    const reports = emergency
      ? emergencyReports(rand, t0, state === 'closed' ? Date.parse(row.closed_at as string) : null, end)
      : [];
    const walked = [...timeline];
    const reportRows = reports.map((r) => {
      const content = r.content;
      // The case's state when the report went: the latest step at or before it.
      const before = walked.filter((e) => String(e.created_at) <= iso(r.at)).at(-1)!;
      const then = before.to_state as CaseState;
      event(r.at, actors.clerk, {
        action: 'emergencyReport',
        from: then,
        to: then,
        text: `突发事件${EMERGENCY_REPORT_KIND_LABELS[r.kind]}：${content}`,
        payload: { kind: r.kind, content },
      });
      return {
        id: uuidv7({ msecs: Math.floor(r.at), random: rand.bytes() }),
        created_at: iso(r.at),
        updated_at: iso(r.at),
        updated_by: actors.clerk.id,
        case_id: id,
        kind: r.kind,
        reported_at: iso(r.at),
        content,
        reporter_name: actors.clerk.name,
      };
    });
    timeline.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
    const latest = timeline[timeline.length - 1]!;
    Object.assign(row, { updated_at: latest.created_at, updated_by: latest.updated_by });
    insertCase.run(row);
    for (const e of timeline) insertEvent.run(e);
    for (const p of parties) insertParty.run(p);
    for (const r of reportRows) insertEmergency.run(r);
    events += timeline.length;
    byState[state] = (byState[state] ?? 0) + 1;
    if (state !== 'merged') recent.set(key, { id, number });
  };

  const batch = opts.batch ?? 20_000;
  if (opts.changeLog === false) dropChangeCapture(sqlite);
  // Seventeen list indexes take random inserts; with SQLite's default 2 MB page cache every one of
  // them goes to disk once the file outgrows it. 256 MB while seeding, then back.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    for (let from = 0; from < opts.count; from += batch) {
      sqlite
        .transaction(() => {
          for (let i = from; i < Math.min(opts.count, from + batch); i++) one(times[i]!);
          for (const [year, seq] of lastSeq) setCounter.run(township.code, year, seq);
        })
        .immediate();
      opts.onProgress?.(Math.min(opts.count, from + batch));
    }
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    if (opts.changeLog === false) installChangeCapture(sqlite);
  }
  return { count: opts.count, events, byState };
}
