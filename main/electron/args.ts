import path from 'node:path';

/** `--data-dir <folder>` or `--data-dir=<folder>` (a second data set, a USB copy, tests), resolved absolute. */
export function dataDirArg(argv: readonly string[], cwd = process.cwd()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg.startsWith('--data-dir=') ? arg.slice('--data-dir='.length) : arg === '--data-dir' ? argv[i + 1] : '';
    if (value) return path.resolve(cwd, value);
  }
  return null;
}
