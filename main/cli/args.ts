import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../core/paths';

/** A mistake in how the command was called: printed in Chinese, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Parses a command's arguments strictly; unknown flags become a Chinese usage error. */
export function parseCommand<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals,
      strict: true,
    });
    return parsed;
  } catch (err) {
    const msg = (err as Error).message;
    const flag = /'(-{1,2}[\w-]+)/.exec(msg)?.[1];
    if (/Unknown option/.test(msg)) throw new UsageError(`不认识的参数 ${flag ?? ''}`.trim());
    if (/argument missing/.test(msg)) throw new UsageError(`参数 ${flag ?? ''} 需要一个值`);
    if (/Unexpected argument/.test(msg)) throw new UsageError(`多余的参数：${msg.split("'")[1] ?? ''}`);
    throw new UsageError(`参数有误：${msg}`);
  }
}

export function dataDirOf(values: { 'data-dir'?: string }): string {
  return values['data-dir'] ?? defaultDataDir();
}

export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`缺少参数 --${name}`);
  return v;
}

export function portOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`端口应为 0–65535 的整数，收到：${raw}`);
  return n;
}
