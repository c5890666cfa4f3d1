import { count, desc } from 'drizzle-orm';
import type { syncApi } from '../../../shared/api/sync';
import { fieldError, ApiError } from '../../../shared/errors';
import type { Handlers, HandlerContext } from '../context';
import { fingerprint, parsePublicJwk } from './jwk';
import { withdrawUnsent } from './outbox';
import { notConfigured } from './scheduler';
import { syncOutbox } from './schema';
import { checkCountyUrl, readSyncState, updateSyncState } from './state';

const OUTBOX_SHOWN = 200;

function status(ctx: HandlerContext) {
  const state = readSyncState(ctx.db);
  const county = ctx.keys.countyKey();
  const own = ctx.keys.townshipKey();
  const pendingChanges = ctx.conn.sqlite
    .prepare('SELECT count(*) FROM change_log WHERE seq > ?')
    .pluck()
    .get(state.ackedSeq) as number;
  const nextAttemptAt = state.haltedAt ? null : (ctx.sync.nextPassAt() ?? state.nextAttemptAt);
  const rows = ctx.db.select().from(syncOutbox).orderBy(desc(syncOutbox.seqFrom)).limit(OUTBOX_SHOWN).all();
  const outboxTotal = ctx.db.select({ n: count() }).from(syncOutbox).get()?.n ?? 0;
  return {
    countyUrl: state.countyUrl,
    countyKeyFingerprint: county ? fingerprint(county.kid) : null,
    townshipKeyFingerprint: fingerprint(own.kid),
    townshipPublicKey: JSON.stringify(own.publicJwk),
    intervalMinutes: state.intervalMinutes,
    lastSuccessAt: state.lastSuccessAt,
    pendingChanges,
    nextAttemptAt,
    passRunning: ctx.sync.running(),
    lastError: notConfigured(ctx) ?? ctx.sync.lastPass()?.error ?? state.lastError,
    haltedAt: state.haltedAt,
    failures: state.failures,
    outbox: rows.map((r) => ({
      id: r.id,
      seqFrom: r.seqFrom,
      seqTo: r.seqTo,
      changeCount: r.changeCount,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' || r.status === 'uploading' ? nextAttemptAt : null,
      lastError: r.lastError,
      createdAt: r.createdAt,
      ackedAt: r.ackedAt,
    })),
    outboxTotal,
  };
}

function countyKeyOf(text: string) {
  try {
    return parsePublicJwk(text, 'X25519', '县级公钥');
  } catch (err) {
    throw fieldError(['countyKey'], (err as Error).message);
  }
}

export const syncHandlers: Handlers<typeof syncApi> = {
  'sync.status': (_input, ctx) => status(ctx),
  'sync.checkCountyKey': (input) => {
    const jwk = countyKeyOf(input.countyKey);
    return { kid: jwk.kid, fingerprint: fingerprint(jwk.kid) };
  },
  'sync.setCounty': (input, ctx) => {
    let countyUrl: string;
    try {
      countyUrl = checkCountyUrl(input.url);
    } catch (err) {
      throw fieldError(['url'], (err as Error).message);
    }
    const jwk = input.countyKey === undefined ? null : countyKeyOf(input.countyKey);
    const before = readSyncState(ctx.db);
    const keyChanged = jwk !== null && jwk.kid !== ctx.keys.countyKey()?.kid;
    if (keyChanged) {
      // Bundles not yet sent were sealed to the old key; their changes go again under the new one.
      withdrawUnsent(ctx.db, '县级公钥已更换，这些变更改用新公钥重新打包上报');
    }
    updateSyncState(ctx.db, {
      countyUrl,
      intervalMinutes: input.intervalMinutes ?? before.intervalMinutes,
      // A new address or key deserves a prompt try rather than the old back-off.
      ...(keyChanged || countyUrl !== before.countyUrl ? { failures: 0, nextAttemptAt: null } : {}),
    });
    // Last, after every check: the key file is not part of the transaction.
    const county = jwk ? ctx.keys.importCountyKey(input.countyKey!) : ctx.keys.countyKey();
    ctx.audit.recordId = county?.kid;
    ctx.sync.reschedule();
    return {
      countyUrl,
      countyKeyFingerprint: county ? fingerprint(county.kid) : null,
      intervalMinutes: input.intervalMinutes ?? before.intervalMinutes,
    };
  },
  'sync.pushNow': (_input, ctx) => {
    const missing = notConfigured(ctx);
    if (missing) throw new ApiError('VALIDATION', `${missing}，请管理员在「上报」页设置县级接收端`);
    return { started: ctx.sync.requestPass() };
  },
};
