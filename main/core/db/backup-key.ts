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
import { writePrivateFile } from '../sync/keystore';

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

/**
 * Whether `keys` open the personal information in `dbFile`: one encrypted ID number per key id is
 * decrypted and its lookup hash recomputed (a wrong HMAC key would let duplicates in unnoticed).
 */
export function keysOpen(dbFile: string, keys: PiiKeys | null): boolean {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hasPersons = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='persons'").get();
    if (!hasPersons) return true;
    const samples = db
      .prepare(
        `SELECT id_number_enc AS enc, id_number_hash AS hash FROM persons
         GROUP BY substr(id_number_enc, 1, instr(substr(id_number_enc, 4), ':') + 3)`,
      )
      .all() as { enc: string; hash: string }[];
    if (!samples.length) return true; // nothing encrypted: any key will do
    if (!keys) return false;
    const cipher = new PiiCipher(keys);
    return samples.every(({ enc, hash }) => {
      try {
        const check = checkIdNumber(cipher.decrypt(enc), shanghaiDateIso(new Date()));
        return !check.ok || cipher.lookupHash(check.value.id18) === hash;
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
