import { and, asc, desc, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Person, PersonDetail, Training } from '../../../shared/api/people';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import { isPartyMember, type Education, type PoliticalStatus } from '../../../shared/people/codes';
import { checkIdNumber } from '../../../shared/people/id-number';
import { maskAddress, maskIdNumber, maskPhone } from '../../../shared/people/mask';
import { checkPhone } from '../../../shared/people/phone';
import type { PartyRole, PostType } from '../../../shared/people/posts';
import type { HandlerContext } from '../context';
import { partyGroups } from '../org/schema';
import { checkDate, created, personRow, stamp, todayOf } from './common';
import { activePostLabels, listPosts } from './posts';
import { persons, trainings } from './schema';
import { noteLookup } from '../audit/lookups';

type PersonRow = typeof persons.$inferSelect;

/** 待完善 for one person: things to complete, never blocking a save. */
function personFlags(row: PersonRow, postLabels: string[]): string[] {
  const flags: string[] = [];
  if (row.idLegacy) flags.push('身份证号为 15 位旧号码，请核对后更新为 18 位');
  if (!row.phoneEnc) flags.push('未登记联系电话');
  if (postLabels.length === 0) flags.push('无在任职务');
  return flags;
}

function toPerson(ctx: HandlerContext, row: PersonRow, postLabels: string[]): Person {
  const phone = ctx.pii.decryptNullable(row.phoneEnc);
  const address = ctx.pii.decryptNullable(row.addressEnc);
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    birthMonth: row.birthDate.slice(0, 7),
    idNumberMasked: maskIdNumber(ctx.pii.decrypt(row.idNumberEnc)),
    idLegacy: row.idLegacy,
    phoneMasked: phone === null ? null : maskPhone(phone),
    addressMasked: address === null ? null : maskAddress(address),
    politicalStatus: row.politicalStatus as PoliticalStatus | null,
    education: row.education as Education | null,
    partyMember: row.partyMember,
    partyRole: row.partyRole,
    partyGroupId: row.partyGroupId,
    registeredOn: row.registeredOn,
    remarks: row.remarks,
    posts: postLabels,
    flags: personFlags(row, postLabels),
    updatedAt: row.updatedAt,
  };
}

export function getPersonSummary(ctx: HandlerContext, id: string): Person {
  const row = personRow(ctx, id);
  return toPerson(ctx, row, activePostLabels(ctx, [id]).get(id) ?? []);
}

export interface PersonFilter {
  villageId?: string;
  gridId?: string;
  postType?: PostType;
  partyMember?: boolean;
  incompleteOnly: boolean;
  search?: string;
}

export function listPeople(ctx: HandlerContext, f: PersonFilter): Person[] {
  const conds: (SQL | undefined)[] = [isNull(persons.deletedAt)];
  if (f.search) {
    const pat = `%${f.search.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    conds.push(sql`${persons.name} LIKE ${pat} ESCAPE '\\'`);
  }
  if (f.partyMember !== undefined) conds.push(eq(persons.partyMember, f.partyMember));
  if (f.villageId || f.gridId || f.postType) {
    const post: SQL[] = [sql`p.person_id = ${persons.id}`, sql`p.deleted_at IS NULL`, sql`p.end_date IS NULL`];
    if (f.villageId) post.push(sql`p.village_id = ${f.villageId}`);
    if (f.gridId) post.push(sql`p.grid_id = ${f.gridId}`);
    if (f.postType) post.push(sql`p.type = ${f.postType}`);
    conds.push(sql`EXISTS (SELECT 1 FROM posts p WHERE ${sql.join(post, sql` AND `)})`);
  }
  const rows = ctx.db
    .select()
    .from(persons)
    .where(and(...conds))
    .orderBy(asc(persons.name), asc(persons.id))
    .all();
  const labels = activePostLabels(ctx, null);
  const people = rows.map((r) => toPerson(ctx, r, labels.get(r.id) ?? []));
  return f.incompleteOnly ? people.filter((p) => p.flags.length > 0) : people;
}

export function getPerson(ctx: HandlerContext, id: string): PersonDetail {
  const person = getPersonSummary(ctx, id);
  const trainingRows = ctx.db
    .select()
    .from(trainings)
    .where(and(eq(trainings.personId, id), isNull(trainings.deletedAt)))
    .orderBy(desc(trainings.date), desc(trainings.id))
    .all()
    .map(toTraining);
  return { person, posts: listPosts(ctx, id), trainings: trainingRows };
}

export interface PersonInput {
  name: string;
  idNumber?: string;
  phone?: string | null;
  address?: string | null;
  politicalStatus?: PoliticalStatus | null;
  education?: Education | null;
  partyRole?: PartyRole | null;
  partyGroupId?: string | null;
  registeredOn?: string | null;
  remarks: string | null;
}

/** ID number → what is stored: encrypted as entered, hashed as 18 digits, sex and birth date derived. */
function idFields(ctx: HandlerContext, raw: string, selfId: string | null) {
  const check = checkIdNumber(raw, todayOf(ctx));
  if (!check.ok) {
    throw fieldError(['idNumber'], check.reason.startsWith('请') ? check.reason : `身份证号${check.reason}`);
  }
  const info = check.value;
  const idNumberHash = ctx.pii.lookupHash(info.id18);
  const twin = ctx.db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(
      and(
        eq(persons.idNumberHash, idNumberHash),
        isNull(persons.deletedAt),
        selfId ? ne(persons.id, selfId) : undefined,
      ),
    )
    .get();
  if (twin) {
    // The refusal names whose number it is: a lookup, audited although the call is rolled back.
    noteLookup(ctx, 'idNumber', 1, [twin.id]);
    const where = activePostLabels(ctx, [twin.id]).get(twin.id)?.join('、');
    throw fieldError(
      ['idNumber'],
      `该身份证号已登记为「${twin.name}」${where ? `（${where}）` : ''}，同一身份证号不能重复登记`,
    );
  }
  return {
    idNumberEnc: ctx.pii.encrypt(info.entered),
    idNumberHash,
    idLegacy: info.legacy,
    sex: info.sex,
    birthDate: info.birthDate,
  };
}

function phoneValue(raw: string | null): string | null {
  if (!raw) return null;
  const check = checkPhone(raw);
  if (!check.ok) throw fieldError(['phone'], check.reason.startsWith('请') ? check.reason : `联系电话${check.reason}`);
  return check.value.value;
}

/** `before`: on update, a party group left out of the input stays as it was. */
function commonFields(ctx: HandlerContext, input: PersonInput, before: PersonRow | null) {
  const politicalStatus = input.politicalStatus ?? null;
  const partyMember = isPartyMember(politicalStatus);
  const partyRole = input.partyRole ?? null;
  if (partyRole && !partyMember) {
    throw fieldError(['partyRole'], '只有中共党员（含预备党员）才能选择党员类别，请先将政治面貌设为中共党员');
  }
  const wanted = input.partyGroupId === undefined ? (before?.partyGroupId ?? null) : input.partyGroupId;
  const partyGroupId = partyMember ? wanted : null;
  if (partyGroupId) {
    const group = ctx.db.select().from(partyGroups).where(eq(partyGroups.id, partyGroupId)).get();
    if (!group || group.deletedAt) throw fieldError(['partyGroupId'], '所选党小组不存在或已删除');
  }
  const registeredOn = input.registeredOn ? checkDate(ctx, 'registeredOn', '登记日期', input.registeredOn) : null;
  return {
    name: input.name,
    politicalStatus,
    education: input.education ?? null,
    partyMember,
    partyRole,
    partyGroupId,
    registeredOn,
    remarks: input.remarks,
  };
}

export function createPerson(ctx: HandlerContext, input: PersonInput & { idNumber: string }): Person {
  const values = {
    ...created(ctx),
    ...commonFields(ctx, input, null),
    ...idFields(ctx, input.idNumber, null),
    phoneEnc: ctx.pii.encryptNullable(phoneValue(input.phone ?? null)),
    addressEnc: ctx.pii.encryptNullable(input.address ?? null),
  };
  ctx.db.insert(persons).values(values).run();
  return getPersonSummary(ctx, values.id);
}

export function updatePerson(ctx: HandlerContext, input: PersonInput & { id: string }): Person {
  const row = personRow(ctx, input.id);
  const changes: Partial<typeof persons.$inferInsert> = { ...commonFields(ctx, input, row), ...stamp(ctx) };
  if (input.idNumber !== undefined && input.idNumber.trim() !== '') {
    Object.assign(changes, idFields(ctx, input.idNumber, row.id));
  }
  if (input.phone !== undefined) changes.phoneEnc = ctx.pii.encryptNullable(phoneValue(input.phone));
  if (input.address !== undefined) changes.addressEnc = ctx.pii.encryptNullable(input.address || null);
  ctx.db.update(persons).set(changes).where(eq(persons.id, row.id)).run();
  return getPersonSummary(ctx, row.id);
}

/** The full values, for 管理员 and 审核人; the dispatcher writes the audit entry (who, when, which record). */
export function revealPerson(ctx: HandlerContext, id: string) {
  const row = personRow(ctx, id);
  ctx.audit.recordId = row.id;
  return {
    id: row.id,
    name: row.name,
    idNumber: ctx.pii.decrypt(row.idNumberEnc),
    phone: ctx.pii.decryptNullable(row.phoneEnc),
    address: ctx.pii.decryptNullable(row.addressEnc),
  };
}

/** The live person with this ID number (any form), or null; uses the keyed hash, decrypts nothing. */
export function findPersonByIdNumber(ctx: Pick<HandlerContext, 'db' | 'pii' | 'now'>, raw: string): PersonRow | null {
  const check = checkIdNumber(raw, shanghaiDateIso(new Date(ctx.now)));
  if (!check.ok) return null;
  return (
    ctx.db
      .select()
      .from(persons)
      .where(and(eq(persons.idNumberHash, ctx.pii.lookupHash(check.value.id18)), isNull(persons.deletedAt)))
      .get() ?? null
  );
}

// ---- trainings (培训) ----

function toTraining(t: typeof trainings.$inferSelect): Training {
  return { id: t.id, personId: t.personId, date: t.date, topic: t.topic, hours: t.hours };
}

export function addTraining(
  ctx: HandlerContext,
  input: { personId: string; date: string; topic: string; hours: number },
): Training {
  personRow(ctx, input.personId);
  const values = {
    ...created(ctx),
    personId: input.personId,
    date: checkDate(ctx, 'date', '培训日期', input.date),
    topic: input.topic,
    hours: Math.round(input.hours * 10) / 10,
  };
  ctx.db.insert(trainings).values(values).run();
  return toTraining(values as typeof trainings.$inferSelect);
}

export function deleteTraining(ctx: HandlerContext, id: string): void {
  const row = ctx.db.select().from(trainings).where(eq(trainings.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该培训记录不存在或已删除');
  ctx.db
    .update(trainings)
    .set({ deletedAt: ctx.now, ...stamp(ctx) })
    .where(eq(trainings.id, id))
    .run();
  ctx.audit.recordId = id;
}
