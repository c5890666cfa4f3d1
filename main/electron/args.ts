import path from 'node:path';

const FLAG = '--data-dir';

/** `--data-dir <folder>` or `--data-dir=<folder>` (a second data set, a USB copy, tests), resolved absolute. */
export function dataDirArg(argv: readonly string[], cwd = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg.startsWith(FLAG + '=')) value = arg.slice(FLAG.length + 1);
    else if (arg === FLAG) value = argv[i + 1];
    if (value) return path.resolve(cwd, value);
  }
  return null;
}
