import { and, eq, isNull } from 'drizzle-orm';
import { weakPasswordReason, type User } from '../../../shared/api/schemas';
import { ApiError, fieldError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { actorId, type HandlerContext } from '../context';
import { newId } from '../ids';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { users } from './schema';
import { AuditedFailure } from '../audit/failure';
import {
  LOGIN_BLOCKED,
  LOGIN_FAILED,
  LOGIN_WINDOW_MS,
  loginPause,
  MAX_LOGIN_FAILURES,
  MAX_SPRAY_FAILURES,
} from './throttle';

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, disabled: row.disabled };
}

function findByUsername(ctx: HandlerContext, username: string): UserRow | undefined {
  return ctx.db
    .select()
    .from(users)
    .where(and(eq(users.username, username), isNull(users.deletedAt)))
    .get();
}

function getUserRow(ctx: HandlerContext, id: string): UserRow {
  const row = ctx.db.select().from(users).where(eq(users.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该用户不存在');
  return row;
}

/** The one rule the schema cannot apply alone: the password must not be or contain the username. */
function checkNotUsername(password: string, username: string, path: string[]): void {
  const reason = weakPasswordReason(password, username);
  if (reason) throw fieldError(path, reason);
}

export function createUser(
  ctx: HandlerContext,
  input: { username: string; displayName: string; role: Role; password: string },
): User {
  if (findByUsername(ctx, input.username)) throw fieldError(['username'], `用户名 ${input.username} 已被使用`);
  checkNotUsername(input.password, input.username, ['password']);
  const id = newId();
  ctx.db
    .insert(users)
    .values({
      id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      updatedBy: ctx.user?.id ?? id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hashPassword(input.password),
    })
    .run();
  return toUser(getUserRow(ctx, id));
}

export function login(ctx: HandlerContext, username: string, password: string): { session: string; user: User } {
  const pause = loginPause(ctx, username);
  if (pause) {
    const why = pause.everyone
      ? `近 ${LOGIN_WINDOW_MS / 60_000} 分钟内各账号登录失败已达 ${MAX_SPRAY_FAILURES} 次，已暂停所有账号登录`
      : `账号 ${username} 连续 ${MAX_LOGIN_FAILURES} 次登录失败，已暂停登录`;
    throw new AuditedFailure('UNAUTHENTICATED', `${why}，请 ${pause.minutes} 分钟后再试`, {
      method: LOGIN_BLOCKED,
      username,
    });
  }
  const row = findByUsername(ctx, username);
  // One message for every refusal (no such user, wrong password, account disabled), so a guesser
  // learns neither which usernames exist nor a disabled account's password.
  if (!row) verifyPassword(password, DUMMY_HASH);
  if (!row || !verifyPassword(password, row.passwordHash) || row.disabled) {
    throw new AuditedFailure('UNAUTHENTICATED', '用户名或密码错误', {
      method: LOGIN_FAILED,
      username,
      userId: row?.id ?? null,
    });
  }
  const user = toUser(row);
  ctx.audit.user = user;
  ctx.audit.recordId = user.id;
  return { session: ctx.sessions.create(user.id, Date.parse(ctx.now)), user };
}

export function changePassword(ctx: HandlerContext, oldPassword: string, newPassword: string): void {
  const row = getUserRow(ctx, ctx.user!.id);
  if (!verifyPassword(oldPassword, row.passwordHash)) throw fieldError(['oldPassword'], '原密码不正确');
  checkNotUsername(newPassword, row.username, ['newPassword']);
  ctx.db
    .update(users)
    .set({ passwordHash: hashPassword(newPassword), updatedAt: ctx.now, updatedBy: actorId(ctx) })
    .where(eq(users.id, row.id))
    .run();
  // Whoever knew the old password is logged out everywhere but here.
  ctx.sessions.deleteForUser(row.id, ctx.session);
  ctx.audit.recordId = row.id;
}

export function listUsers(ctx: HandlerContext): User[] {
  return ctx.db.select().from(users).where(isNull(users.deletedAt)).orderBy(users.createdAt).all().map(toUser);
}

export function updateUser(
  ctx: HandlerContext,
  input: { id: string; displayName?: string; role?: Role; disabled?: boolean; password?: string },
): User {
  const row = getUserRow(ctx, input.id);
  if (input.password) checkNotUsername(input.password, row.username, ['password']);
  const losesAdmin = row.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
  if (losesAdmin) {
    const activeAdmins = ctx.db
      .select()
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), isNull(users.deletedAt)))
      .all();
    if (activeAdmins.length <= 1) throw new ApiError('CONFLICT', '至少要保留一个可用的管理员账号');
  }
  ctx.db
    .update(users)
    .set({
      displayName: input.displayName ?? row.displayName,
      role: input.role ?? row.role,
      disabled: input.disabled ?? row.disabled,
      passwordHash: input.password ? hashPassword(input.password) : row.passwordHash,
      updatedAt: ctx.now,
      updatedBy: actorId(ctx),
    })
    .where(eq(users.id, row.id))
    .run();
  if (input.disabled || input.password) ctx.sessions.deleteForUser(row.id);
  return toUser(getUserRow(ctx, row.id));
}
