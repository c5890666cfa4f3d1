import fs from 'node:fs';
import path from 'node:path';
import type { Township } from '../../shared/api/setup';
import type { User } from '../../shared/api/schemas';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/roles';
import { defaultResourcesDir } from '../core/app';
import { backupDatabase, defaultBackupFile } from '../core/db/backup';
import { writeBackupKey } from '../core/db/backup-key';
import { dataPaths } from '../core/paths';
import { CLOCK_ENV, clockFromEnv } from '../core/clock';
import { ledgerFileForSession } from '../core/reports/ledger/jobs';
import { startHost } from '../host/server';
import { startRecoveryHost } from '../host/recovery';
import { databaseProblem, recoverFromBackup, recoveryCandidates } from '../core/db/recovery';
import { BACKUP_KIND_LABELS } from '../../shared/api/backups';
import { dataDirOf, parseCommand, portOf, required, UsageError } from './args';
import { audit } from './audit-command';
import { callAsCli } from './core-call';
import { report } from './report-command';
import { seedDemo } from './seed-demo';
import { lockDataDir, openLockedCore } from './locked-core';
import { keys, push } from './sync-commands';
import { restoreDataFolder } from '../core/restore';
import { holdCore } from '../core/core-holder';

export interface Command {
  usage: string;
  run(argv: string[]): Promise<void> | void;
}

const out = (line: string) => process.stdout.write(line + '\n');

function roleOf(raw: string): Role {
  const byLabel = ROLES.find((r) => ROLE_LABELS[r] === raw);
  const role = byLabel ?? ROLES.find((r) => r === raw);
  if (!role) throw new UsageError(`角色只能是 ${ROLES.map((r) => `${ROLE_LABELS[r]}(${r})`).join('、')}，收到：${raw}`);
  return role;
}

/**
 * A damaged database file: one page offers the backups that would restore (`main/host/recovery.ts`);
 * after one is chosen the usual host starts on the same address. Null when the file is sound.
 */
async function recoverIfDamaged(dataDir: string, port: number, token: string | undefined) {
  const paths = dataPaths(dataDir);
  const problem = databaseProblem(paths.dbFile);
  if (!problem) return null;
  const migrationsDir = path.join(defaultResourcesDir(), 'migrations');
  const choices = recoveryCandidates(paths.backupsDir, paths.keysDir, migrationsDir).map((c) => ({
    ...c,
    kindLabel: BACKUP_KIND_LABELS[c.kind],
  }));
  const host = await startRecoveryHost({
    port,
    token,
    problem,
    choices,
    recover: (file) => {
      const r = recoverFromBackup(paths, file, migrationsDir, clockFromEnv().now());
      out(`已用备份 ${file} 恢复；损坏的数据库另存为：${r.damagedSavedAs}`);
    },
  });
  out(`数据库文件已损坏（${problem}），已进入恢复模式，可用备份 ${choices.length} 份`);
  out(`请在浏览器中打开：${host.openUrl}`);
  await host.recovered;
  return { port: host.port, token: host.token };
}

const serve: Command = {
  usage: 'serve [--port N] [--data-dir 文件夹]    以浏览器模式启动（仅本机 127.0.0.1 可访问）',
  async run(argv) {
    const { values } = parseCommand(argv, { port: { type: 'string' }, token: { type: 'string' } });
    let port = portOf(values.port) ?? 8650;
    let token = values.token;
    const dataDir = dataDirOf(values);
    const lock = lockDataDir(dataDir);
    const recovered = await recoverIfDamaged(dataDir, port, token);
    if (recovered) ({ port, token } = recovered);
    const log = (line: string) => process.stderr.write(`${new Date().toLocaleString('zh-CN')} ${line}\n`);
    const holder = holdCore(
      { dataDir, sync: { log } },
      (core) => {
        core.deps.sync.start(); // a pass now, then on schedule; quiet until the county is set
        core.deps.backups.start(); // the day's backup, if this is the first start today
      },
      log,
    );
    const staticDir = path.join(path.dirname(defaultResourcesDir()), 'out', 'renderer');
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) out('提示：界面尚未构建，请先运行 npm run build');
    const host = await startHost({
      dispatch: holder.dispatch,
      staticDir,
      port,
      token,
      ledgerFile: (jobId, session) => ledgerFileForSession(holder.core.deps, jobId, session),
    });
    out(`综治工作台（浏览器模式）已启动，数据文件夹：${dataDir}`);
    // Said on every start it applies to: a clock set from outside must never go unnoticed.
    if (process.env[CLOCK_ENV])
      out(`注意：时钟由环境变量 ${CLOCK_ENV} 设定，当前为 ${holder.core.deps.clock.now().toISOString()}`);
    out(`请在浏览器中打开：${host.openUrl}`);
    const stop = async () => {
      await host.close();
      await holder.core.shutdown();
      lock.release();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
};

const init: Command = {
  usage: 'init --township <9位代码> --admin <用户名> --password <密码> [--admin-name 姓名]   首次初始化',
  run(argv) {
    const { values } = parseCommand(argv, {
      township: { type: 'string' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      password: { type: 'string' },
    });
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
      const r = callAsCli<{ township: Township; villageCount: number }>(core, 'setup.init', {
        townshipCode: required(values, 'township'),
        adminUsername: required(values, 'admin'),
        adminDisplayName: values['admin-name'] ?? '管理员',
        password: required(values, 'password'),
      });
      const t = r.township;
      out(
        `已初始化：${t.provinceName}${t.cityName}${t.countyName}${t.name}（${t.code}），导入 ${r.villageCount} 个村（社区）`,
      );
    } finally {
      core.close();
    }
  },
};

const userAdd: Command = {
  usage:
    'user add --username <用户名> --name <姓名> --role <管理员|审核人|录入员> --password <密码>   新增账号\n' +
    '  user unlock [--username <用户名>]   解除因登录失败过多而暂停的登录（不写用户名则解除所有账号）',
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'unlock') return unlock(rest);
    if (sub !== 'add') throw new UsageError(`user 只支持子命令 add 与 unlock，收到：${sub ?? '（空）'}`);
    const { values } = parseCommand(rest, {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    });
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
      const user = callAsCli<User>(core, 'users.create', {
        username: required(values, 'username'),
        displayName: required(values, 'name'),
        role: roleOf(required(values, 'role')),
        password: required(values, 'password'),
      });
      out(`已新增账号 ${user.username}（${user.displayName}，${ROLE_LABELS[user.role]}）`);
    } finally {
      core.close();
    }
  },
};

function unlock(argv: string[]): void {
  const { values } = parseCommand(argv, { username: { type: 'string' } });
  const core = openLockedCore({ dataDir: dataDirOf(values) });
  try {
    callAsCli(core, 'users.unlock', values.username ? { username: values.username } : {});
    out(values.username ? `已解除账号 ${values.username} 的登录暂停` : '已解除所有账号的登录暂停');
  } finally {
    core.close();
  }
}

const backup: Command = {
  usage: 'backup [--out 文件.sqlite]    备份数据库（程序运行时也可备份），个人信息密钥另存为同名 .pii.key 文件',
  run(argv) {
    const { values } = parseCommand(argv, { out: { type: 'string' } });
    const paths = dataPaths(dataDirOf(values));
    if (!fs.existsSync(paths.dbFile)) throw new UsageError(`数据文件夹中没有数据库：${paths.dbFile}`);
    const file = backupDatabase(paths.dbFile, values.out ?? defaultBackupFile(paths.backupsDir, clockFromEnv().now()));
    out(`已备份到：${file}（${fs.statSync(file).size} 字节）`);
    const keyFile = writeBackupKey(paths.keysDir, file);
    if (keyFile) out(`个人信息密钥已一同保存为：${keyFile}（恢复时须与备份放在一起，请与备份一样妥善保管）`);
    else if (fs.existsSync(path.join(paths.keysDir, 'pii.key.sealed')))
      out('提示：个人信息密钥由桌面程序用系统密钥库加密保存，命令行无法附带，请另行妥善保管本机的系统账户');
    else out(`提示：未找到个人信息密钥文件 ${path.join(paths.keysDir, 'pii.key')}，备份未附带密钥`);
  },
};

const restore: Command = {
  usage:
    'restore <备份文件.sqlite>    用备份替换当前数据库（须先关闭程序；当前数据库会先另存），并装回旁边的 .pii.key 个人信息密钥',
  run(argv) {
    const { values, positionals } = parseCommand(argv, {}, true);
    if (positionals.length !== 1)
      throw new UsageError('请给出一个备份文件，例如：restore backups/zongzhi-20261126-101500.sqlite');
    const dataDir = dataDirOf(values);
    const lock = lockDataDir(dataDir);
    try {
      const r = restoreDataFolder(path.resolve(positionals[0]!), { dataDir, now: clockFromEnv().now() });
      out(`已恢复 ${r.township} 的数据。${r.previousSavedAs ? `恢复前的数据库已另存为：${r.previousSavedAs}` : ''}`);
    } finally {
      lock.release();
    }
  },
};

export const COMMANDS: Record<string, Command> = {
  serve,
  init,
  user: userAdd,
  'seed-demo': seedDemo,
  backup,
  restore,
  push,
  keys,
  report,
  audit,
};
