import fs from 'node:fs';
import path from 'node:path';
import { fingerprint } from '../core/sync/jwk';
import { checkCountyUrl, readSyncState, updateSyncState } from '../core/sync/state';
import { pushOnce, type PushResult } from '../core/sync/uploader';
import { dataDirOf, parseCommand, UsageError } from './args';
import type { Command } from './commands';
import { openLockedCore } from './locked-core';

const out = (line: string) => process.stdout.write(line + '\n');

function describe(r: PushResult): string {
  const sent = r.sentBundles ? `已上报 ${r.sentBundles} 个包（${r.sentChanges} 条变更）。` : '';
  if (r.error)
    return `${sent}上报未完成：${r.error}。还有 ${r.pendingChanges} 条变更待上报，下次尝试：${r.nextAttemptAt ?? '—'}`;
  return `${sent || '没有新的变更。'}县级已全部收到。`;
}

export const push: Command = {
  usage:
    'push [--once] [--url 县级地址] [--interval 分钟]    上报到县综治中心（不加 --once 则按间隔持续上报；--url、--interval 会保存）',
  async run(argv) {
    const { values } = parseCommand(argv, {
      once: { type: 'boolean' },
      url: { type: 'string' },
      interval: { type: 'string' },
    });
    const minutes = values.interval === undefined ? undefined : Number(values.interval);
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440))
      throw new UsageError(`--interval 应为 1–1440 的整数分钟，收到：${values.interval}`);
    const stamp = (line: string) => out(`${new Date().toLocaleString('zh-CN')} ${line}`);
    const core = openLockedCore({
      dataDir: dataDirOf(values),
      sync: { onPass: (p) => stamp(p.result ? describe(p.result) : `上报未完成：${p.error}`) },
    });
    try {
      const { db } = core.deps.conn;
      if (values.url) updateSyncState(db, { countyUrl: checkCountyUrl(values.url) });
      if (minutes !== undefined) updateSyncState(db, { intervalMinutes: minutes });
      if (values.once) {
        const r = await pushOnce(core.deps, { force: true });
        out(describe(r));
        if (r.error) throw new Error('上报未完成');
        return;
      }
      // The same schedule as the app: now, every interval, after each back-off; Ctrl-C waits for a pass in flight.
      out(`每 ${readSyncState(db).intervalMinutes} 分钟上报一次，失败时按退避时间重试；按 Ctrl-C 停止。`);
      const keepAlive = setInterval(() => {}, 60 * 60_000); // the scheduler's timers do not hold the process
      core.deps.sync.start();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(keepAlive);
      await core.deps.sync.stop();
    } finally {
      core.close();
    }
  },
};

export const keys: Command = {
  usage: 'keys show | keys import-county <县级公钥.jwk>    查看本乡镇公钥与指纹 / 导入县级公钥',
  run(argv) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseCommand(rest, {}, true);
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
      if (sub === 'import-county') {
        if (positionals.length !== 1)
          throw new UsageError('请给出县综治中心提供的公钥文件，例如：keys import-county county.jwk');
        const file = positionals[0]!;
        if (!fs.existsSync(file)) throw new UsageError(`找不到文件：${file}`);
        const k = core.deps.keys.importCountyKey(fs.readFileSync(file, 'utf8'));
        out(`已导入县级公钥。请与县综治中心电话核对指纹：${fingerprint(k.kid)}`);
        return;
      }
      if (sub !== 'show' || positionals.length)
        throw new UsageError(`keys 只支持 show 与 import-county，收到：${sub ?? '（空）'}`);
      const own = core.deps.keys.townshipKey();
      const county = core.deps.keys.countyKey();
      const state = readSyncState(core.deps.conn.db);
      out(`本乡镇公钥（交县综治中心登记）：${JSON.stringify(own.publicJwk)}`);
      out(`本乡镇公钥文件：${path.join(core.paths.keysDir, 'township-ed25519.public.jwk')}`);
      out(`本乡镇密钥指纹：${fingerprint(own.kid)}`);
      out(`县级公钥指纹：${county ? fingerprint(county.kid) : '尚未导入'}`);
      out(`县级服务器地址：${state.countyUrl ?? '尚未设置（push --url 设置）'}`);
    } finally {
      core.close();
    }
  },
};
