import { openCore, type Core, type CoreOptions } from '../core/app';
import { acquireDataDirLock, DataDirBusyError } from '../core/instance-lock';

/** Takes the data folder's lock for the whole command, in Chinese words an administrator can act on. */
export function lockDataDir(dataDir: string): { release(): void } {
  try {
    return acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    throw new Error(
      `综治工作台正在使用数据文件夹 ${dataDir}${err.pid ? `（进程号 ${err.pid}）` : ''}，请先关闭程序再执行此命令`,
      {
        cause: err,
      },
    );
  }
}

/**
 * Opens the core as a CLI command does: with the data folder to itself, so it never writes beside
 * a running app (whose sessions, schedule and caches would not see the change). close() releases.
 */
export function openLockedCore(opts: CoreOptions): Core {
  const lock = lockDataDir(opts.dataDir);
  let core: Core;
  try {
    core = openCore(opts);
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    ...core,
    close() {
      core.close();
      lock.release();
    },
    async shutdown(maxWaitMs) {
      await core.shutdown(maxWaitMs);
      lock.release();
    },
  };
}
