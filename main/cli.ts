/**
 * Administration over the core: `npm run cli -- <command> [--data-dir 文件夹]`.
 * Exit codes: 0 done, 1 the operation failed, 2 the command was called wrongly.
 */
import { ApiError } from '../shared/errors';
import { UsageError } from './cli/args';
import { COMMANDS } from './cli/commands';

function help(): string {
  return [
    '综治工作台 命令行',
    '用法：npm run cli -- <命令> [参数]，每个命令都可加 --data-dir <文件夹> 与 --help',
    '',
    ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`不认识的命令：${name}\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`用法：npm run cli -- ${command.usage}\n`);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`错误：${err.message}\n用法：npm run cli -- ${command.usage}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    const detail =
      err instanceof ApiError && err.issues.length > 1 ? err.issues.map((i) => `\n  - ${i.message}`).join('') : '';
    process.stderr.write(`错误：${message}${detail}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
});
