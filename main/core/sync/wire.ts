import type { PiiCipher } from '../crypto/pii';
import { syncedTableInfo, type SyncedTableInfo } from './registry';

/**
 * Personal information is sealed at rest by the township's own key, which the county does not
 * have. It travels decrypted, under the plain column name, inside the bundle that is encrypted to
 * the county's key: the county can read what it receives, and nobody on the way can.
 */
export const SEALED_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  persons: { address_enc: 'address', phone_enc: 'phone', id_number_enc: 'id_number' },
  cases: { reporter_contact_enc: 'reporter_contact' },
  case_parties: { id_number_enc: 'id_number', phone_enc: 'phone', address_enc: 'address' },
  household_visits: { phone_enc: 'phone' },
  buildings: { safety_contact_phone_enc: 'safety_contact_phone' },
};

/** Columns that stay on the township: a lookup hash keyed by the township's secret means nothing elsewhere. */
export const TOWNSHIP_ONLY_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  persons: ['id_number_hash'],
  cases: ['reporter_contact_hash'],
};

/** The synced tables as the county sees them (its mirror): sealed columns renamed, local ones left out. */
export function wireTableInfo(tables: SyncedTableInfo[] = syncedTableInfo()): SyncedTableInfo[] {
  return tables.map((t) => ({
    name: t.name,
    columns: t.columns
      .filter((c) => !TOWNSHIP_ONLY_COLUMNS[t.name]?.includes(c.name))
      .map((c) => ({ ...c, name: SEALED_COLUMNS[t.name]?.[c.name] ?? c.name })),
  }));
}

/** Turns a logged row (JSON text as captured) into its wire form; rows of other tables pass as they are. */
export type WireRow = (table: string, data: string) => string;

export function wireRows(pii: PiiCipher | null): WireRow {
  return (table, data) => {
    const sealed = SEALED_COLUMNS[table];
    if (!sealed) return data;
    if (!pii) throw new Error(`表 ${table} 含加密的个人信息，缺少个人信息密钥，无法打包`);
    const local = TOWNSHIP_ONLY_COLUMNS[table] ?? [];
    const row = JSON.parse(data) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row)) {
      if (local.includes(column)) continue;
      const plain = sealed[column];
      if (plain === undefined) out[column] = value;
      else {
        try {
          out[plain] = pii.decryptNullable(value as string | null);
        } catch (err) {
          const why = err instanceof Error ? err.message : String(err);
          throw new Error(`${table} 记录 ${String(row.id)} 的 ${plain} 无法解密：${why}`, { cause: err });
        }
      }
    }
    return JSON.stringify(out);
  };
}
