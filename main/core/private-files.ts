/**
 * Files that hold personal information (the database, its backups, keys, finished ledgers) are
 * readable by their owner only: 0600 on Linux and macOS. Windows ignores the bits; there the data
 * folder lies in the user's own profile.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Writes a file readable by its owner only, whole or not at all (written aside, then renamed). */
export function writePrivateFile(file: string, text: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  fs.renameSync(tmp, file);
}

/**
 * Makes `file` owner-only: an empty one is created with that mode when it does not exist yet (SQLite
 * then writes into it and gives its -wal and -shm files the same mode), an existing one is changed.
 */
export function ensurePrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  }
}
