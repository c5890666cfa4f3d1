import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file`, returning the layering rule ids that fired. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.ruleId!);
}

describe('layering rules of architecture.md, enforced by lint', () => {
  it('main/core may not import electron', async () => {
    expect(
      await violations('main/core/org/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toEqual(['no-restricted-imports']);
    expect(await violations('main/electron/ok.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(
      [],
    );
  });

  it('renderer may not import main/, the database or Node', async () => {
    const cases = [
      "import { openCore } from '../../main/core/app';",
      "import Database from 'better-sqlite3';",
      "import fs from 'node:fs';",
      "import { ipcRenderer } from 'electron';",
    ];
    for (const line of cases) {
      expect(await violations('renderer/src/pages/Bad.tsx', `${line}\nexport const x = 1;\n`), line).toEqual([
        'no-restricted-imports',
      ]);
    }
    expect(
      await violations(
        'renderer/src/pages/Ok.tsx',
        "import { apiTable } from '../../../shared/api';\nexport const x = apiTable;\n",
      ),
    ).toEqual([]);
  });

  it('shared/ may not import Node or touch DOM globals', async () => {
    expect(await violations('shared/bad.ts', "import path from 'node:path';\nexport const p = path;\n")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations('shared/bad.ts', "import fs from 'fs';\nexport const p = fs;\n")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await violations('shared/bad.ts', 'export const w = window.location;\n')).toEqual(['no-restricted-globals']);
    expect(await violations('shared/bad.ts', 'export const e = process.env;\n')).toEqual(['no-restricted-globals']);
  });
});
