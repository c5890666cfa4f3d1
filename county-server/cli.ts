/**
 * The county receiver's command line: `npx tsx county-server/cli.ts <command> --data-dir <folder> …`.
 * Exit codes as the township CLI: 0 done, 1 failed, 2 called wrongly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCommand, portOf, required, UsageError } from '../main/cli/args';
import { countyPaths } from './paths';
import { openCountyDb } from './db';
import { generateCountyKey, registerTownshipKey } from './keys';
import { DEFAULT_MAX_BODY_BYTES, startCountyServer } from './server';
import { fingerprint } from '../main/core/sync/jwk';

const out = (line: string) => process.stdout.write(line + '\n');

interface Command {
  usage: string;
  run(argv: string[]): Promise<void> | void;
}

function dataDir(values: Record<string, unknown>): string {
  return path.resolve(required(values, 'data-dir'));
}

const COMMANDS: Record<string, Command> = {
  keygen: {
    usage: 'keygen --data-dir <文件夹>    生成县级密钥对（X25519），公钥文件交给各乡镇导入',
    run(argv) {
      const { values } = parseCommand(argv, {});
      const k = generateCountyKey(countyPaths(dataDir(values)).keysDir);
      out(`已生成县级密钥，密钥编号：${k.kid}`);
      out(`公钥文件（交给各乡镇导入）：${k.publicFile}`);
      out(`指纹（电话核对用）：${k.fingerprint}`);
    },
  },
  'register-township': {
    usage: 'register-township --data-dir <文件夹> --code <9位乡镇代码> --public-key <公钥.jwk>    登记乡镇公钥',
    run(argv) {
      const { values } = parseCommand(argv, { code: { type: 'string' }, 'public-key': { type: 'string' } });
      const code = required(values, 'code');
      if (!/^\d{9}$/.test(code)) throw new UsageError(`乡镇代码应为 9 位数字，收到：${code}`);
      const file = required(values, 'public-key');
      if (!fs.existsSync(file)) throw new UsageError(`找不到公钥文件：${file}`);
      const dir = dataDir(values);
      fs.mkdirSync(dir, { recursive: true });
      const db = openCountyDb(countyPaths(dir).dbFile);
      try {
        const r = registerTownshipKey(db, code, fs.readFileSync(file, 'utf8'), new Date().toISOString());
        const what = {
          registered: `已登记乡镇 ${code}`,
          'added-key': `已为乡镇 ${code} 增加新密钥（原有密钥仍有效）`,
          already: `该公钥此前已登记给乡镇 ${code}`,
        };
        out(`${what[r.result]}，密钥指纹：${fingerprint(r.kid)}`);
      } finally {
        db.close();
      }
    },
  },
  start: {
    usage: 'start --data-dir <文件夹> [--port N] [--host 127.0.0.1] [--max-body-mb 32]    启动接收服务',
    async run(argv) {
      const { values } = parseCommand(argv, {
        port: { type: 'string' },
        host: { type: 'string' },
        'max-body-mb': { type: 'string' },
      });
      const mb = values['max-body-mb'];
      const maxBodyBytes = mb === undefined ? DEFAULT_MAX_BODY_BYTES : Number(mb) * 1024 * 1024;
      if (!Number.isInteger(maxBodyBytes) || maxBodyBytes <= 0)
        throw new UsageError(`--max-body-mb 应为正整数，收到：${mb}`);
      const server = await startCountyServer({
        dataDir: dataDir(values),
        port: portOf(values.port) ?? 8750,
        host: values.host,
        maxBodyBytes,
      });
      out(
        `县级接收服务已启动：${server.url}（上传 PUT /api/v1/bundles/{包编号}，状态 GET /api/v1/status，本机浏览器打开 /status）`,
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  },
};

function help(): string {
  return [
    '县综治中心 上报接收端',
    '用法：npx tsx county-server/cli.ts <命令> [参数]',
    '',
    ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(help());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`不认识的命令：${name}\n\n${help()}\n`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`错误：${err.message}\n用法：npx tsx county-server/cli.ts ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`错误：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
