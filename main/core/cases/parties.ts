/**
 * 当事人 of a 矛盾纠纷 case: added, edited and removed one per call (one transaction, one timeline
 * row, the case's updated_at touched so it sorts as recently changed). Numbers are sealed at rest,
 * masked in every view, and readable in full only through the audited reveal.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { CaseParty, CasePartyInput } from '../../../shared/api/cases';
import { FINAL_STATES } from '../../../shared/cases/loop';
import { CASE_PARTY_ROLE_LABELS } from '../../../shared/cases/parties';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError, fieldError } from '../../../shared/errors';
import { checkIdNumber } from '../../../shared/people/id-number';
import { maskAddress, maskIdNumber, maskPhone } from '../../../shared/people/mask';
import { checkPhone } from '../../../shared/people/phone';
import type { HandlerContext } from '../context';
import { newId } from '../ids';
import { actorOf, writeEvent, type Actor } from './act';
import { caseParties, cases } from './schema';
import type { CaseRow } from './view';

type PartyRow = typeof caseParties.$inferSelect;
type Path = (string | number)[];

export function toParty(ctx: Pick<HandlerContext, 'pii'>, r: PartyRow): CaseParty {
  const id = ctx.pii.decryptNullable(r.idNumberEnc);
  const phone = ctx.pii.decryptNullable(r.phoneEnc);
  const address = ctx.pii.decryptNullable(r.addressEnc);
  return {
    id: r.id,
    caseId: r.caseId,
    role: r.role,
    name: r.name,
    sex: r.sex,
    idNumberMasked: id === null ? null : maskIdNumber(id),
    phoneMasked: phone === null ? null : maskPhone(phone),
    addressMasked: address === null ? null : maskAddress(address),
    note: r.note,
    updatedAt: r.updatedAt,
  };
}

export function listParties(ctx: Pick<HandlerContext, 'db' | 'pii'>, caseId: string): CaseParty[] {
  return ctx.db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), isNull(caseParties.deletedAt)))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.id))
    .all()
    .map((r) => toParty(ctx, r));
}

/** Parties belong to an open dispute case: anything else is a CONFLICT the clerk can read. */
export function checkPartiesAllowed(row: Pick<CaseRow, 'dispute' | 'state'>): void {
  if (!row.dispute) throw new ApiError('CONFLICT', '只有矛盾纠纷类事件才能登记当事人');
  if (FINAL_STATES.includes(row.state)) throw new ApiError('CONFLICT', '事件已结束，不能再修改当事人');
}

/** ID number → sealed as entered, sex derived; an invalid one names its field. */
function idColumns(ctx: HandlerContext, raw: string | null | undefined, at: Path) {
  if (!raw) return { idNumberEnc: null, sex: null };
  const check = checkIdNumber(raw, shanghaiDateIso(new Date(ctx.now)));
  if (!check.ok) {
    throw fieldError(
      [...at, 'idNumber'],
      check.reason.startsWith('请') ? check.reason : `当事人身份证号${check.reason}`,
    );
  }
  return { idNumberEnc: ctx.pii.encrypt(check.value.entered), sex: check.value.sex };
}

function phoneColumn(ctx: HandlerContext, raw: string | null | undefined, at: Path) {
  if (!raw) return null;
  const check = checkPhoneValue(raw);
  if (!check.ok) throw fieldError([...at, 'phone'], check.reason);
  return ctx.pii.encrypt(check.value);
}

function checkPhoneValue(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const check = checkPhone(raw);
  if (check.ok) return { ok: true, value: check.value.value };
  return { ok: false, reason: check.reason.startsWith('请') ? check.reason : `当事人联系电话${check.reason}` };
}

const label = (p: { role: PartyRow['role']; name: string }) => `${CASE_PARTY_ROLE_LABELS[p.role]} ${p.name}`;

/**
 * The rows for new parties; registration writes them with the case, addParty one at a time.
 * `at(i)` is where party i sits in the call's input, so a refusal names its field.
 */
export function newPartyRows(
  ctx: HandlerContext,
  caseId: string,
  actor: Actor,
  inputs: CasePartyInput[],
  at: (i: number) => Path,
): PartyRow[] {
  return inputs.map((p, i) => ({
    id: newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: actor.id,
    deletedAt: null,
    caseId,
    role: p.role,
    name: p.name,
    ...idColumns(ctx, p.idNumber, at(i)),
    phoneEnc: phoneColumn(ctx, p.phone, at(i)),
    addressEnc: ctx.pii.encryptNullable(p.address ?? null),
    note: p.note ?? null,
  }));
}

function openCase(ctx: HandlerContext, caseId: string): CaseRow {
  const row = ctx.db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该事件不存在或已删除');
  checkPartiesAllowed(row);
  return row;
}

function partyRow(ctx: HandlerContext, id: string): PartyRow {
  const row = ctx.db.select().from(caseParties).where(eq(caseParties.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该当事人不存在或已删除');
  return row;
}

/** The timeline row and the case's touch that every party change makes. */
function record(
  ctx: HandlerContext,
  row: CaseRow,
  actor: Actor,
  text: string,
  payload: Record<string, unknown>,
  changes: Partial<CaseRow> = {},
) {
  ctx.db
    .update(cases)
    .set({ ...changes, updatedAt: ctx.now, updatedBy: actor.id })
    .where(eq(cases.id, row.id))
    .run();
  // The payload names the party, never its numbers: the timeline is not sealed.
  writeEvent(ctx, row.id, actor, { action: 'party', from: row.state, to: row.state, text, payload });
}

export function addParty(ctx: HandlerContext, input: CasePartyInput & { caseId: string }): string {
  const row = openCase(ctx, input.caseId);
  const actor = actorOf(ctx);
  const [party] = newPartyRows(ctx, row.id, actor, [input], () => []);
  ctx.db.insert(caseParties).values(party!).run();
  ctx.audit.recordId = party!.id;
  // The named parties are among the people involved: a party beyond the count raises it.
  const named =
    ctx.db
      .select({ n: count() })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, row.id), isNull(caseParties.deletedAt)))
      .get()?.n ?? 0;
  const raised = named > row.peopleInvolved ? `，涉及人数由 ${row.peopleInvolved} 人调整为 ${named} 人` : '';
  record(
    ctx,
    row,
    actor,
    `新增当事人：${label(input)}${raised}`,
    { partyId: party!.id, role: input.role, name: input.name },
    raised ? { peopleInvolved: named } : {},
  );
  return row.id;
}

export type PartyUpdate = Omit<CasePartyInput, 'idNumber' | 'phone' | 'address'> & {
  id: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
};

/** Numbers left out stay as they are (the form holds only masked values); null or empty clears them. */
export function updateParty(ctx: HandlerContext, input: PartyUpdate): string {
  const before = partyRow(ctx, input.id);
  const row = openCase(ctx, before.caseId);
  const actor = actorOf(ctx);
  const changes: Partial<PartyRow> = {
    role: input.role,
    name: input.name,
    note: input.note ?? null,
    updatedAt: ctx.now,
    updatedBy: actor.id,
  };
  if (input.idNumber !== undefined) Object.assign(changes, idColumns(ctx, input.idNumber, []));
  if (input.phone !== undefined) changes.phoneEnc = phoneColumn(ctx, input.phone, []);
  if (input.address !== undefined) changes.addressEnc = ctx.pii.encryptNullable(input.address || null);
  ctx.db.update(caseParties).set(changes).where(eq(caseParties.id, before.id)).run();
  ctx.audit.recordId = before.id;
  const renamed = label(before) === label(input) ? '' : `（原为${label(before)}）`;
  record(ctx, row, actor, `修改当事人：${label(input)}${renamed}`, {
    partyId: before.id,
    role: input.role,
    name: input.name,
  });
  return row.id;
}

/** A tombstone, so the county learns of the removal; the timeline keeps who was removed. */
export function removeParty(ctx: HandlerContext, id: string): string {
  const before = partyRow(ctx, id);
  const row = openCase(ctx, before.caseId);
  const actor = actorOf(ctx);
  ctx.db
    .update(caseParties)
    .set({ deletedAt: ctx.now, updatedAt: ctx.now, updatedBy: actor.id })
    .where(eq(caseParties.id, id))
    .run();
  ctx.audit.recordId = id;
  record(ctx, row, actor, `删除当事人：${label(before)}`, { partyId: id, role: before.role, name: before.name });
  return row.id;
}

/** The full values, for 管理员 and 审核人; the dispatcher writes the audit entry (who, when, which party). */
export function revealParty(ctx: HandlerContext, id: string) {
  const row = partyRow(ctx, id);
  ctx.audit.recordId = row.id;
  return {
    id: row.id,
    name: row.name,
    idNumber: ctx.pii.decryptNullable(row.idNumberEnc),
    phone: ctx.pii.decryptNullable(row.phoneEnc),
    address: ctx.pii.decryptNullable(row.addressEnc),
  };
}
