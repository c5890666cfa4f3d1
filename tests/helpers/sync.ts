import type Database from 'better-sqlite3';
import { generateOkpKey, privateKeyOf, publicKeyOf, toPublicJwk } from '../../main/core/sync/jwk';
import type { RecipientKey, SigningKey } from '../../main/core/sync/keystore';
import { syncedTableInfo } from '../../main/core/sync/registry';

export type Row = Record<string, unknown>;

/** Every synced table's rows keyed by id, as the township database holds them. */
export function syncedRows(sqlite: Database.Database): Map<string, Map<string, Row>> {
  const out = new Map<string, Map<string, Row>>();
  for (const t of syncedTableInfo()) {
    const rows = sqlite.prepare(`SELECT * FROM "${t.name}"`).all() as Row[];
    out.set(t.name, new Map(rows.map((r) => [r.id as string, r])));
  }
  return out;
}

export interface LoggedChange {
  seq: number;
  table: string;
  id: string;
  op: string;
  row: Row;
}

export function changesAfter(sqlite: Database.Database, seq: number): LoggedChange[] {
  const rows = sqlite
    .prepare('SELECT seq, table_name, row_id, op, data FROM change_log WHERE seq > ? ORDER BY seq')
    .all(seq) as { seq: number; table_name: string; row_id: string; op: string; data: string }[];
  return rows.map((r) => ({ seq: r.seq, table: r.table_name, id: r.row_id, op: r.op, row: JSON.parse(r.data) }));
}

export function lastSeq(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) ?? 0;
}

/** A township signing key and a county receiving key, in memory. */
export function memoryKeys() {
  const township = generateOkpKey('Ed25519');
  const county = generateOkpKey('X25519');
  const sender: SigningKey = {
    kid: township.kid,
    privateKey: privateKeyOf(township),
    publicJwk: toPublicJwk(township),
  };
  const recipient: RecipientKey = { kid: county.kid, publicKey: publicKeyOf(county), publicJwk: toPublicJwk(county) };
  return { township, county, sender, recipient };
}

export interface PutResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely
  body: any;
}

/** Uploads a bundle body as the township's uploader will. */
export async function putBundle(baseUrl: string, id: string, body: string | Buffer): Promise<PutResult> {
  const res = await fetch(`${baseUrl}/api/v1/bundles/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/jose' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** A county mirror table's rows from one township, without the township column, in id order. */
export function countyRows(county: Database.Database, table: string, township: string): Row[] {
  const rows = county.prepare(`SELECT * FROM "${table}" WHERE _township = ? ORDER BY id`).all(township) as Row[];
  return rows.map(({ _township: _, ...rest }) => rest);
}

export function townshipRows(sqlite: Database.Database, table: string): Row[] {
  return sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Row[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely
type LooseReply = { status: number; body: any };

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<LooseReply> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json() };
}
