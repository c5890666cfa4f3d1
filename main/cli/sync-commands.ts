import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../core/app';
import { fingerprint } from '../core/sync/jwk';
import { checkCountyUrl, readSyncState, updateSyncState } from '../core/sync/state';
import { pushOnce, type PushResult } from '../core/sync/uploader';
import { dataDirOf, parseCommand, UsageError } from './args';
import type { Command } from './commands';

const out = (line: string) => process.stdout.write(line + '\n');

function describe(r: PushResult): string {
  const sent = r.sentBundles ? `已上报 ${r.sentBundles} 个包（${r.sentChanges} 条变更）。` : '';
  if (r.error)
    return `${sent}上报未完成：${r.error}。还有 ${r.pendingChanges} 条变更待上报，下次尝试：${r.nextAttemptAt ?? '—'}`;
  return `${sent || '没有新的变更。'}县级已全部收到。`;
}

export const push: Command = {
  usage: 'push [--once] [--url 县级地址] [--interval 分钟]    上报到县综治中心（不加 --once 则按间隔持续上报）',
  async run(argv) {
    const { values } = parseCommand(argv, {
      once: { type: 'boolean' },
      url: { type: 'string' },
      interval: { type: 'string' },
    });
    const minutes = Number(values.interval ?? 30);
    if (!Number.isInteger(minutes) || minutes < 1)
      throw new UsageError(`--interval 应为正整数分钟，收到：${values.interval}`);
    const core = openCore({ dataDir: dataDirOf(values) });
    try {
      if (values.url) updateSyncState(core.deps.conn.db, { countyUrl: checkCountyUrl(values.url) });
      if (values.once) {
        const r = await pushOnce(core.deps, { force: true });
        out(describe(r));
        if (r.error) throw new Error('上报未完成');
        return;
      }
      out(`每 ${minutes} 分钟上报一次，失败时按退避时间重试；按 Ctrl-C 停止。`);
      for (let first = true; ; first = false) {
        const r = await pushOnce(core.deps, { force: first });
        out(`${new Date().toLocaleString('zh-CN')} ${describe(r)}`);
        const retryIn = r.nextAttemptAt ? Date.parse(r.nextAttemptAt) - Date.now() : Infinity;
        await new Promise((resolve) => setTimeout(resolve, Math.max(1000, Math.min(retryIn, minutes * 60_000))));
      }
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
    const core = openCore({ dataDir: dataDirOf(values) });
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
