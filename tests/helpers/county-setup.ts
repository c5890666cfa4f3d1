import fs from 'node:fs';
import { openCountyDb } from '../../county-server/db';
import { generateCountyKey, registerTownshipKey } from '../../county-server/keys';
import { countyPaths } from '../../county-server/paths';
import { startCountyServer } from '../../county-server/server';
import { updateSyncState } from '../../main/core/sync/state';
import { makeTownship, tempDir, TOWNSHIP } from './core';

/** A county data folder with its key pair; the township imports the county's public key, as set up. */
export function countyFolderFor(t: ReturnType<typeof makeTownship>): string {
  const countyDir = tempDir('zongzhi-county-');
  const countyKey = generateCountyKey(countyPaths(countyDir).keysDir);
  t.core.deps.keys.importCountyKey(fs.readFileSync(countyKey.publicFile, 'utf8'));
  return countyDir;
}

/** The county's administrator registers the township's public key (`county-server register`). */
export function registerAtCounty(countyDir: string, t: ReturnType<typeof makeTownship>): void {
  const db = openCountyDb(countyPaths(countyDir).dbFile);
  registerTownshipKey(db, TOWNSHIP, JSON.stringify(t.core.deps.keys.townshipKey().publicJwk), new Date().toISOString());
  db.close();
}

/**
 * A township registered at a running county server on loopback, its address and key set. The
 * caller closes both (`t.core.close()`, `county.close()`).
 */
export async function townshipWithCounty() {
  const t = makeTownship();
  const countyDir = countyFolderFor(t);
  registerAtCounty(countyDir, t);
  const county = await startCountyServer({ dataDir: countyDir });
  updateSyncState(t.core.deps.conn.db, { countyUrl: county.url });
  return { t, county, countyDir };
}

/** A new grid in the township's first village, entered by the clerk. */
export function addGrid(t: ReturnType<typeof makeTownship>, name: string): { id: string; code: string } {
  const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk);
  return t.ok(
    'org.createGrid',
    { villageId: village!.id, type: 'village', name, households: 9, residents: 20 },
    t.clerk,
  );
}
