/**
 * The personal-information key travels with each backup as a side file `<backup>.pii.key`: the
 * database alone cannot show ID numbers or phones anywhere else (they are encrypted with it).
 * Restore installs the key that opens the backup, and refuses when none does. Kept apart from
 * backup.ts on purpose: the database copy and the key are separate concerns.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { shanghaiDateIso } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import { checkIdNumber } from '../../../shared/people/id-number';
import { PiiCipher } from '../crypto/pii';
import { decodeKeys, encodeKeys, type PiiKeys } from '../crypto/secret-store';
import { writePrivateFile } from '../private-files';
import { SEALED_COLUMNS } from '../sync/wire';

export const backupKeyFile = (backupFile: string) => `${backupFile}.pii.key`;
const liveKeyFile = (keysDir: string) => path.join(keysDir, 'pii.key');

function readKeys(file: string): PiiKeys | null {
  return fs.existsSync(file) ? decodeKeys(fs.readFileSync(file, 'utf8'), file) : null;
}

/** Writes the key beside a backup (0600). Returns the file, or null when there is no key file to copy. */
export function writeBackupKey(keysDir: string, backupFile: string): string | null {
  const keys = readKeys(liveKeyFile(keysDir));
  if (!keys) return null;
  const file = backupKeyFile(backupFile);
  writePrivateFile(file, encodeKeys(keys));
  return file;
}

/** Where a sealed value's lookup hash is kept beside it, and how the hash is made from the plain value. */
const LOOKUP_HASHES: Record<string, Record<string, { hash: string; plain: (value: string) => string | null }>> = {
  persons: {
    id_number_enc: {
      hash: 'id_number_hash',
      plain: (v) => {
        const check = checkIdNumber(v, shanghaiDateIso(new Date()));
        return check.ok ? check.value.id18 : null;
      },
    },
  },
  cases: { reporter_contact_enc: { hash: 'reporter_contact_hash', plain: (v) => v } },
};

/**
 * Whether `keys` open the personal information in `dbFile`: for every sealed column of every table
 * (SEALED_COLUMNS, the one list of them) one value per key id is decrypted, and where a lookup hash is
 * kept beside it, recomputed (a wrong HMAC key would let duplicates in unnoticed).
 */
export function keysOpen(dbFile: string, keys: PiiKeys | null): boolean {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const columnsOf = (table: string) =>
      new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    const samples: { enc: string; hash: string | null; plain: ((v: string) => string | null) | null }[] = [];
    for (const [table, sealed] of Object.entries(SEALED_COLUMNS)) {
      const have = columnsOf(table);
      for (const column of Object.keys(sealed)) {
        if (!have.has(column)) continue;
        const lookup = LOOKUP_HASHES[table]?.[column];
        const hash = lookup && have.has(lookup.hash) ? `"${lookup.hash}"` : 'NULL';
        // One row per key id: the id sits between the version and the second colon (`v1:<kid>:…`).
        const rows = db
          .prepare(
            `SELECT "${column}" AS enc, ${hash} AS hash FROM "${table}" WHERE "${column}" IS NOT NULL
             GROUP BY substr("${column}", 1, instr(substr("${column}", 4), ':') + 3)`,
          )
          .all() as { enc: string; hash: string | null }[];
        for (const r of rows) samples.push({ ...r, plain: lookup && r.hash !== null ? lookup.plain : null });
      }
    }
    if (!samples.length) return true; // nothing encrypted: any key will do
    if (!keys) return false;
    const cipher = new PiiCipher(keys);
    return samples.every(({ enc, hash, plain }) => {
      try {
        const value = cipher.decrypt(enc);
        const normal = plain ? plain(value) : null;
        return normal === null || cipher.lookupHash(normal) === hash;
      } catch {
        return false;
      }
    });
  } finally {
    db.close();
  }
}

/** The key that opens the backup: its side file first, else this machine's; refuses when neither does. */
export function chooseRestoreKey(backupFile: string, keysDir: string): PiiKeys | null {
  const sideFile = backupKeyFile(backupFile);
  const side = readKeys(sideFile);
  if (side && keysOpen(backupFile, side)) return side;
  const local = readKeys(liveKeyFile(keysDir));
  if (keysOpen(backupFile, local)) return local;
  throw new ApiError(
    'CONFLICT',
    side
      ? `密钥文件 ${sideFile} 解不开该备份中的身份证号、电话等个人信息（与备份不匹配），不能恢复`
      : `备份旁没有密钥文件 ${sideFile}，本机密钥也解不开该备份中的身份证号、电话等个人信息，不能恢复；` +
          '请把备份时一同生成的 .pii.key 文件放在备份文件旁边后再恢复',
  );
}

/**
 * After the database is replaced: puts the chosen key in place; the key it replaces is kept beside
 * the saved pre-restore database, so that copy stays readable too. `keys` null: the backup holds
 * nothing encrypted, the machine's key stays.
 */
export function installRestoredKey(keysDir: string, keys: PiiKeys | null, previousSavedAs: string | null): void {
  const live = liveKeyFile(keysDir);
  const current = fs.existsSync(live) ? fs.readFileSync(live, 'utf8') : null;
  // Every backup keeps its key beside it, the one saved before a restore included.
  if (current !== null && previousSavedAs) writePrivateFile(backupKeyFile(previousSavedAs), current);
  if (!keys) return;
  const wanted = encodeKeys(keys);
  if (current !== null && sameKeys(current, wanted)) return;
  if (current !== null && !previousSavedAs) writePrivateFile(`${live}.replaced-${Date.now()}`, current);
  writePrivateFile(live, wanted);
}

/** Puts back the key `installRestoredKey` saved beside the replaced database (a restore undone). */
export function undoRestoredKey(keysDir: string, previousSavedAs: string): void {
  const saved = backupKeyFile(previousSavedAs);
  if (fs.existsSync(saved)) writePrivateFile(liveKeyFile(keysDir), fs.readFileSync(saved, 'utf8'));
}

function sameKeys(text: string, wanted: string): boolean {
  try {
    return encodeKeys(decodeKeys(text, '')) === wanted;
  } catch {
    return false;
  }
}
