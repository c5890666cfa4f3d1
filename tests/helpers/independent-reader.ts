/**
 * Checks that read our files with another implementation (Debian's python3-openpyxl and
 * python3-jwcrypto, which scripts/install-system-deps.sh installs). On a developer's machine without
 * them such a check is skipped; under CI it runs regardless, so a missing reader fails it.
 */
import { spawnSync } from 'node:child_process';

export const SYSTEM_PYTHON = '/usr/bin/python3';

/** True when the check should be skipped: the Python module is missing and this is not CI. */
export function skipWithoutReader(module: 'openpyxl' | 'jwcrypto'): boolean {
  if (process.env.CI) return false;
  return spawnSync(SYSTEM_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status !== 0;
}
