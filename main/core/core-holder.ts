/**
 * What a host (the desktop shell, the browser host) holds instead of one core: the core in use,
 * replaced when a 管理员 restores a backup from the 数据备份 page. Calls go through `dispatch` to
 * whichever core is current; the restore closes it, restores, opens the restored database and
 * records there who restored what (the request's own entry stays in the replaced database).
 */
import type { User } from '../../shared/api/schemas';
import { appendAudit } from './audit/append';
import { openCore, type Core, type CoreOptions } from './app';
import { restoreDataFolder } from './restore';
import type { Dispatch } from './rpc/dispatcher';

export interface CoreHolder {
  readonly core: Core;
  dispatch: Dispatch;
}

/** Gives the answer time to reach the caller before the database closes under it. */
const RESTORE_DELAY_MS = 200;

export function holdCore(
  options: CoreOptions,
  /** Starts what runs beside a core (upload and backup schedules); again after a restore. */
  started: (core: Core) => void,
  log: (line: string) => void,
): CoreHolder {
  let core: Core;
  let restoring = false;

  const restore = async (file: string, by: User) => {
    const now = core.deps.clock.now();
    await core.shutdown();
    let outcome: { previousSavedAs: string | null } | { error: string };
    try {
      outcome = restoreDataFolder(file, { ...options, now });
    } catch (err) {
      outcome = { error: err instanceof Error ? err.message : String(err) };
    }
    core = open();
    const { conn, clock } = core.deps;
    conn.sqlite
      .transaction(() =>
        appendAudit(conn, {
          at: clock.now().toISOString(),
          userId: by.id,
          username: by.username,
          method: 'backups.restore',
          recordId: null,
          detail: JSON.stringify({ file, ...outcome }),
        }),
      )
      .immediate();
    started(core);
    log('error' in outcome ? `恢复备份失败：${outcome.error}` : `已恢复备份 ${file}`);
  };

  const open = () =>
    openCore({
      ...options,
      onRestoreRequest: (file, by) => {
        if (restoring) return;
        restoring = true;
        setTimeout(() => {
          restore(file, by)
            .catch((err: unknown) => log(`恢复备份失败：${err instanceof Error ? err.message : String(err)}`))
            .finally(() => (restoring = false));
        }, RESTORE_DELAY_MS);
      },
    });

  core = open();
  started(core);
  const dispatch: Dispatch = Object.assign((call: Parameters<Dispatch>[0]) => core.dispatch(call), {
    async: (call: Parameters<Dispatch>[0]) => core.dispatch.async!(call),
  });
  return {
    get core() {
      return core;
    },
    dispatch,
  };
}
