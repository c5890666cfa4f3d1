import { eq } from 'drizzle-orm';
import { apiTable, type ApiTable } from '../../../shared/api';
import type { MethodDef } from '../../../shared/api/define';
import type { User } from '../../../shared/api/schemas';
import { ApiError, type RpcResult } from '../../../shared/errors';
import { maskAddress, maskIdNumber, maskPhone } from '../../../shared/people/mask';
import { AuditedFailure } from '../audit/failure';
import { LOOKUP_METHODS, type SealedLookup } from '../audit/lookups';
import { appendAudit } from '../audit/append';
import { users } from '../auth/schema';
import type { CoreDeps, Handler, HandlerContext, Handlers, Prepare, Preparers } from '../context';
import { toApiError, validationError } from './errors';

export interface Call {
  method: string;
  input: unknown;
  /** Login session token, if any. */
  session?: string | null;
  /** In-process administration (the CLI) acts as an administrator without a login; no carrier sets this. */
  actor?: 'cli';
}

/** Who in-process administration (CLI, seed-demo) acts as. */
export const CLI_USER: User = { id: 'cli', username: 'cli', displayName: '命令行', role: 'admin', disabled: false };

/** Every method, synchronously; `async` also runs methods with an async preparation step (file parsing). */
export type Dispatch = ((call: Call) => RpcResult<unknown>) & { async?: DispatchAsync };
export type DispatchAsync = (call: Call) => Promise<RpcResult<unknown>>;

/** The carriers' entry: the async path where the dispatcher has one. */
export function dispatchAny(dispatch: Dispatch, call: Call): RpcResult<unknown> | Promise<RpcResult<unknown>> {
  return dispatch.async ? dispatch.async(call) : dispatch(call);
}

const SECRET_KEY_RE = /password/i;
/** Personal information never enters the audit log in full: it is stored masked there. */
const PII_MASKS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
  /** A case's caller number (cases.create, the 热线受理 desk). */
  reporterContact: maskPhone,
  /** A compound's 安全联络人 (buildings.create/update). */
  safetyContactPhone: maskPhone,
};

export function redact(input: unknown): string {
  return JSON.stringify(input, (k, v: unknown) => {
    if (SECRET_KEY_RE.test(k)) return '***';
    if (k === 'file' && typeof v === 'string') return `（文件 ${Math.ceil((v.length * 3) / 4 / 1024)} KB）`;
    const mask = Object.hasOwn(PII_MASKS, k) ? PII_MASKS[k] : undefined;
    return mask && typeof v === 'string' ? mask(v) : v;
  });
}

/** The user a login session belongs to, or null (unknown, expired, disabled or deleted). */
export function sessionUser(deps: CoreDeps, session: string | null | undefined): User | null {
  if (!session) return null;
  const userId = deps.sessions.touch(session, deps.clock.now().getTime());
  if (!userId) return null;
  const row = deps.conn.db.select().from(users).where(eq(users.id, userId)).get();
  if (!row || row.disabled || row.deletedAt) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, disabled: row.disabled };
}

/**
 * method name → validate input → check role → handler in one transaction (with its audit entry)
 * → validated output, or a typed error. Nothing is written when anything fails.
 */
export function createDispatcher(
  deps: CoreDeps,
  handlers: Handlers<ApiTable>,
  preparers: Preparers<ApiTable> = {},
): Dispatch {
  const { sqlite } = deps.conn;
  const currentUser = (session: string | null | undefined) => sessionUser(deps, session);

  /** Method known, caller allowed, input valid — or a typed error. */
  function check(call: Call) {
    if (!Object.hasOwn(apiTable, call.method)) {
      throw new ApiError('NOT_FOUND', `没有名为 ${String(call.method)} 的功能`);
    }
    const name = call.method as keyof ApiTable;
    const def: MethodDef = apiTable[name];
    const user = call.actor === 'cli' ? CLI_USER : currentUser(call.session);
    if (def.access !== 'public') {
      if (!user) throw new ApiError('UNAUTHENTICATED', '登录已失效，请重新登录');
      if (!def.access.includes(user.role)) throw new ApiError('FORBIDDEN', `无权限：当前角色不能${def.title}`);
    }
    const parsed = def.input.safeParse(call.input ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    return { name, def, user, parsed };
  }

  function run(call: Call, prepared?: { value: unknown }): unknown {
    const { name, def, user, parsed } = check(call);
    if (preparers[name] && !prepared) throw new ApiError('INTERNAL', `${def.title}需经异步入口调用`);

    const handler = handlers[name] as Handler<MethodDef>;
    const audit: HandlerContext['audit'] = { method: name };
    const body = () => {
      const ctx: HandlerContext = {
        ...deps,
        db: deps.conn.db,
        user,
        session: call.session ?? null,
        now: deps.clock.now().toISOString(),
        audit,
        prepared: prepared?.value,
      };
      const output = handler(parsed.data, ctx);
      const checked = def.output.safeParse(output);
      if (!checked.success) throw new Error(`${name} 的返回值不符合声明：${checked.error.message}`);
      if (def.write) {
        const actor = ctx.audit.user ?? user;
        const outId = (output as { id?: unknown } | null)?.id;
        appendAudit(ctx.conn, {
          at: ctx.now,
          userId: actor?.id ?? null,
          username: actor?.username ?? null,
          method: name,
          recordId: ctx.audit.recordId ?? (typeof outId === 'string' ? outId : null),
          detail: redact(parsed.data),
        });
      }
      return checked.data;
    };
    // Writes take the lock up front; reads get one consistent snapshot.
    try {
      return def.write ? sqlite.transaction(body).immediate() : sqlite.transaction(body).deferred();
    } catch (err) {
      if (err instanceof AuditedFailure) recordFailure(err);
      throw err;
    } finally {
      // Also when the call was refused: what it confirmed was said all the same.
      if (audit.lookups?.length) recordLookups(user!, audit.lookups);
    }
  }

  function recordLookups(user: User, lookups: SealedLookup[]) {
    const at = deps.clock.now().toISOString();
    sqlite
      .transaction(() => {
        for (const l of lookups) {
          appendAudit(deps.conn, {
            at,
            userId: user.id,
            username: user.username,
            method: LOOKUP_METHODS[l.kind],
            recordId: l.matched.length === 1 ? l.matched[0]! : null,
            detail: JSON.stringify({ via: l.via, checked: l.checked, matched: l.matched }),
          });
        }
      })
      .immediate();
  }

  /** The call was rolled back; its refusal is recorded on its own, in a write transaction of its own. */
  function recordFailure(err: AuditedFailure) {
    sqlite
      .transaction(() =>
        appendAudit(deps.conn, {
          at: deps.clock.now().toISOString(),
          userId: err.entry.userId ?? null,
          username: err.entry.username,
          method: err.entry.method,
          recordId: err.entry.userId ?? null,
          detail: err.entry.detail ?? JSON.stringify({ reason: err.message }),
        }),
      )
      .immediate();
  }

  const dispatch: Dispatch = (call) => {
    try {
      return { ok: true, data: run(call) };
    } catch (err) {
      return { ok: false, error: toApiError(err).toBody() };
    }
  };
  // Authorise and validate first, then the slow preparation outside any transaction, then the
  // handler in its transaction as usual.
  dispatch.async = async (call) => {
    try {
      const { name, parsed, user } = check(call);
      const prepare = preparers[name] as Prepare<MethodDef> | undefined;
      if (!prepare) return dispatch(call);
      const value = await prepare(parsed.data, deps, user);
      return { ok: true, data: run(call, { value }) };
    } catch (err) {
      return { ok: false, error: toApiError(err).toBody() };
    }
  };
  return dispatch;
}
