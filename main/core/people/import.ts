/**
 * 花名册导入: the parsed roster (roster-import/parse.ts) against the database. Preview says what
 * each row would do (new / update / error, with reasons); commit does it for every valid row, in
 * the dispatcher's one transaction, so a failure writes nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ImportPreview, ImportRow } from '../../../shared/api/people';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import { isPartyMember, type Education, type PoliticalStatus } from '../../../shared/people/codes';
import { maskIdNumber } from '../../../shared/people/mask';
import { compactCode } from '../../../shared/text';
import type { CoreDeps, HandlerContext } from '../context';
import { grids, villages } from '../org/schema';
import { todayOf } from './common';
import { addPost, endPost } from './posts';
import { parseRoster } from './roster-import/parse';
import type { RosterParseResult, RosterPerson } from './roster-import/types';
import { persons, posts } from './schema';
import { createPerson, updatePerson } from './service';
import { noteLookup } from '../audit/lookups';

/** Runs before the transaction (exceljs reads asynchronously). */
export function prepareRoster(input: { file: string }, deps: CoreDeps): Promise<RosterParseResult> {
  const bytes = Buffer.from(input.file, 'base64');
  return parseRoster(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    today: shanghaiDateIso(deps.clock.now()),
  });
}

interface GridRef {
  id: string;
  label: string;
}

/** Live grids by code, by name and by village + name (compact), so 第一网格 in two villages is ambiguous. */
function gridIndex(ctx: HandlerContext) {
  const rows = ctx.db
    .select({ id: grids.id, code: grids.code, name: grids.name, village: villages.name })
    .from(grids)
    .innerJoin(villages, eq(villages.id, grids.villageId))
    .where(and(isNull(grids.deletedAt), isNull(grids.retiredAt)))
    .all();
  const index = new Map<string, GridRef[]>();
  const put = (key: string, ref: GridRef) => {
    const list = index.get(key) ?? [];
    if (!list.some((r) => r.id === ref.id)) list.push(ref);
    index.set(key, list);
  };
  for (const g of rows) {
    const ref = { id: g.id, label: g.name.startsWith(g.village) ? g.name : `${g.village} ${g.name}` };
    put(g.code, ref);
    put(compactCode(g.name), ref);
    put(compactCode(g.village + g.name), ref);
  }
  return (text: string): GridRef | string => {
    const found = index.get(compactCode(text)) ?? [];
    if (found.length === 1) return found[0]!;
    if (found.length === 0) return `找不到网格「${text}」，请先在“网格与人员”中建立该网格，或填写 15 位网格编码`;
    return `网格「${text}」不唯一（${found.map((f) => f.label).join('、')}），请填写网格编码或“村名+网格名”`;
  };
}

interface Planned {
  view: ImportRow;
  person?: RosterPerson;
  existing?: typeof persons.$inferSelect;
  gridId?: string;
}

function plan(ctx: HandlerContext, parsed: RosterParseResult & { ok: true }): Planned[] {
  const findGrid = gridIndex(ctx);
  // One read of the live persons by lookup hash: a query per row would dominate a 5,000-row preview.
  const byHash = new Map(
    ctx.db
      .select()
      .from(persons)
      .where(isNull(persons.deletedAt))
      .all()
      .map((r) => [r.idNumberHash, r]),
  );
  return parsed.rows.map((r): Planned => {
    if (!r.ok) {
      return {
        view: {
          row: r.row,
          status: 'error',
          name: r.name,
          idNumberMasked: r.idNumberMasked,
          grid: null,
          employment: null,
          messages: r.issues.map((i) => `${i.column}：${i.message}`),
        },
      };
    }
    const p = r.person;
    const errors: string[] = [];
    const notes = [...r.notes];
    let grid: GridRef | undefined;
    if (p.grid) {
      const g = findGrid(p.grid);
      if (typeof g === 'string') errors.push(g);
      else grid = g;
      if (!p.employment) errors.push('专兼职：网格员须注明专职或兼职');
    } else {
      notes.push('未填写网格，只登记人员，不添加任职');
    }
    const existing = byHash.get(ctx.pii.lookupHash(p.idNumber)); // p.idNumber is the 18-digit form
    if (existing) {
      notes.push(
        existing.name === p.name
          ? `已登记，将更新其信息`
          : `该身份证号已登记为「${existing.name}」，将更新为「${p.name}」`,
      );
    }
    const view: ImportRow = {
      row: r.row,
      status: errors.length ? 'error' : existing ? 'update' : 'new',
      name: p.name,
      idNumberMasked: maskIdNumber(p.idNumber),
      grid: grid?.label ?? p.grid,
      employment: p.employment,
      messages: errors.length ? errors : notes,
    };
    return { view, person: p, existing: existing ?? undefined, gridId: grid?.id };
  });
}

function parsedOrThrow(ctx: HandlerContext): RosterParseResult {
  const parsed = ctx.prepared as RosterParseResult | undefined;
  if (!parsed) throw new Error('花名册尚未读取');
  return parsed;
}

export function previewRoster(ctx: HandlerContext): ImportPreview {
  const parsed = parsedOrThrow(ctx);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const planned = plan(ctx, parsed);
  // The preview says which numbers are on file, and whose: one audited lookup for the batch.
  noteLookup(
    ctx,
    'idNumber',
    planned.filter((p) => p.person).length,
    planned.flatMap((p) => (p.existing ? [p.existing.id] : [])),
  );
  const rows = planned.map((p) => p.view);
  const count = (s: ImportRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    ok: true,
    sheetName: parsed.sheetName,
    warnings: parsed.warnings,
    rows,
    counts: { new: count('new'), update: count('update'), error: count('error') },
  };
}

export function commitRoster(ctx: HandlerContext) {
  const parsed = parsedOrThrow(ctx);
  if (!parsed.ok) throw fieldError(['file'], parsed.message);
  const planned = plan(ctx, parsed);
  const valid = planned.filter((p) => p.view.status !== 'error');
  if (valid.length === 0) throw fieldError(['file'], '花名册中没有可导入的行，请按预览中的提示修改后再导入');
  const result = { created: 0, updated: 0, postsAdded: 0, skipped: planned.length - valid.length };
  for (const item of valid) {
    try {
      commitRow(ctx, item, result);
    } catch (err) {
      if (err instanceof ApiError) throw new ApiError(err.code, `第 ${item.view.row} 行：${err.message}`, err.issues);
      throw err;
    }
  }
  return result;
}

function commitRow(
  ctx: HandlerContext,
  item: Planned,
  result: { created: number; updated: number; postsAdded: number },
) {
  const p = item.person!;
  let personId: string;
  const before = item.existing;
  if (before) {
    const politicalStatus = (p.politicalStatus ?? before.politicalStatus) as PoliticalStatus | null;
    updatePerson(ctx, {
      id: before.id,
      name: p.name,
      phone: p.phone ?? undefined,
      address: p.address ?? undefined,
      politicalStatus,
      education: (p.education ?? before.education) as Education | null,
      partyRole: isPartyMember(politicalStatus) ? before.partyRole : null,
      partyGroupId: before.partyGroupId,
      registeredOn: p.registeredOn ?? before.registeredOn,
      remarks: p.remarks ?? before.remarks,
    });
    personId = before.id;
    result.updated++;
  } else {
    personId = createPerson(ctx, {
      name: p.name,
      idNumber: p.idNumber,
      phone: p.phone,
      address: p.address,
      politicalStatus: p.politicalStatus,
      education: p.education,
      registeredOn: p.registeredOn,
      remarks: p.remarks,
    }).id;
    result.created++;
  }
  if (!item.gridId || !p.employment) return;
  const current = ctx.db
    .select()
    .from(posts)
    .where(
      and(
        eq(posts.personId, personId),
        eq(posts.gridId, item.gridId),
        eq(posts.type, 'worker'),
        isNull(posts.endDate),
        isNull(posts.deletedAt),
      ),
    )
    .get();
  if (current?.employment === p.employment) return;
  const today = todayOf(ctx);
  // 专职 ↔ 兼职 changed: the old post ends today and stays in the history.
  if (current) endPost(ctx, { id: current.id, endDate: today });
  const start = !current && p.registeredOn && p.registeredOn <= today ? p.registeredOn : today;
  addPost(ctx, { personId, type: 'worker', gridId: item.gridId, employment: p.employment, startDate: start });
  result.postsAdded++;
}
