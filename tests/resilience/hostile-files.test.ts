/**
 * 恶意文件: every hostile file of hostile-files.ts through the dispatcher's 花名册 import, preview
 * and commit, as a 录入员 would send it. Each must get a typed refusal or a clean preview, write
 * nothing, never show the content of a file an external entity names, and leave the process' peak
 * memory near where it was. tests/unit/roster-import-hostile.test.ts checks the parser's limits
 * one by one; this checks the whole path an upload takes.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type RpcResult } from '../../shared/errors';
import { makeTownship } from '../helpers/core';
import { writeFingerprint } from './fingerprint';
import { HOSTILE_FILES, SECRET_FILE } from './hostile-files';
import { LONG, peakRssMb, printFigures, rssMb, TIMEOUT } from './long';

/** Peak memory one file may add: the largest bomb here inflates to 640 MB. */
const MAX_PEAK_GROWTH_MB = 400;

let t: ReturnType<typeof makeTownship>;
let fingerprint: () => string;
const figures: Record<string, string | number> = {};

beforeAll(() => {
  t = makeTownship();
  const v = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk)[0]!;
  t.ok(
    'org.createGrid',
    { villageId: v.id, type: 'village', name: '第一网格', households: 300, residents: 900 },
    t.clerk,
  );
  fingerprint = writeFingerprint(t.core.deps.conn.sqlite);
});
afterAll(() => {
  printFigures('恶意文件', { ...figures, rssMb: rssMb(), peakRssMb: peakRssMb() });
  t.core.close();
});

const upload = (method: string, file: string) =>
  t.core.dispatch.async!({ method, input: { file }, session: t.clerk }) as Promise<
    RpcResult<{ ok: boolean; message?: string; rows?: unknown[] }>
  >;

/** The first line of the file an external entity points at: it must never come back. */
const secretLine = fs.readFileSync(SECRET_FILE, 'utf8').split('\n')[0]!;

describe('恶意文件：花名册导入', () => {
  for (const hostile of HOSTILE_FILES) {
    it(
      hostile.name,
      async () => {
        const file = Buffer.from(await hostile.build()).toString('base64');
        const before = fingerprint();
        const peak = peakRssMb();
        const started = performance.now();

        const preview = await upload('people.importPreview', file);
        const commit = await upload('people.importCommit', file);

        const grown = peakRssMb() - peak;
        const outcome = preview.ok
          ? preview.data.ok
            ? `预览 ${preview.data.rows?.length} 行`
            : preview.data.message!
          : preview.error.message;
        figures[hostile.name] =
          `${outcome.slice(0, 12)}… +${grown}MB${LONG ? ` ${Math.round(performance.now() - started)}ms` : ''}`;

        for (const r of [preview, commit]) {
          if (!r.ok) {
            expect(ERROR_CODES).toContain(r.error.code);
            expect(r.error.code).not.toBe('INTERNAL');
          }
        }
        if (hostile.refusal) {
          expect(preview).toMatchObject({
            ok: true,
            data: { ok: false, message: expect.stringMatching(hostile.refusal) },
          });
          expect(commit).toMatchObject({
            ok: false,
            error: { code: 'VALIDATION', message: expect.stringMatching(hostile.refusal) },
          });
        }
        // No hostile file here has a row that may be imported, whatever its preview says.
        expect(commit.ok).toBe(false);
        expect(fingerprint(), 'a refused import wrote').toBe(before);
        expect(JSON.stringify([preview, commit])).not.toContain(secretLine);
        expect(grown, `peak memory grew by ${grown} MB`).toBeLessThan(MAX_PEAK_GROWTH_MB);
      },
      TIMEOUT,
    );
  }
});
