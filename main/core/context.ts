import type { MethodDef, MethodTable, OutputOf, ParsedInputOf } from '../../shared/api/define';
import type { User } from '../../shared/api/schemas';
import type { SessionStore } from './auth/sessions';
import type { SealedLookup } from './audit/lookups';
import type { BackupSchedule } from './backup/schedule';
import type { Clock } from './clock';
import type { PiiCipher } from './crypto/pii';
import type { Connection, Db } from './db/connection';
import type { DivisionSource } from './setup/divisions';
import type { KeyStore } from './sync/keystore';
import type { SyncScheduler } from './sync/scheduler';

/** What the core needs from its host (Electron, HTTP host, CLI or a test). */
export interface CoreDeps {
  conn: Connection;
  clock: Clock;
  sessions: SessionStore;
  divisions: DivisionSource;
  keys: KeyStore;
  /** Upload passes to the county; handlers only ask it for one (it runs outside their transaction). */
  sync: SyncScheduler;
  /** Encrypts and decrypts ID numbers, phones and addresses; keys live outside the database. */
  pii: PiiCipher;
  /** The day's automatic backup and the manual one (hosts start its schedule). */
  backups: BackupSchedule;
  /** The data folder, its backups, and the migrations this version applies. */
  dataDir: string;
  backupsDir: string;
  migrationsDir: string;
  /**
   * A host that can close and reopen its core takes a restore of the whole database here (it runs
   * after the call has answered); null in the CLI and tests, where `restore` is its own command.
   */
  requestRestore: ((file: string, by: User) => void) | null;
  /** Where case attachment files are kept (content-addressed). */
  attachmentsDir: string;
  /** Staged chunks of attachment uploads under way. */
  uploadsDir: string;
}

/** Handed to every handler; one per call. */
export interface HandlerContext extends CoreDeps {
  db: Db;
  /** The logged-in caller, or null for a public method. */
  user: User | null;
  session: string | null;
  /** ISO time of this call, the same for every row it writes. */
  now: string;
  /**
   * For the audit log: the method called (set by the dispatcher), the record a handler touched (else
   * the output's id is used), and the sealed-value lookups it answered (audit/lookups.ts).
   */
  audit: { method?: string; recordId?: string; user?: User; lookups?: SealedLookup[] };
  /** What the method's preparer produced (async work done before the transaction), if it has one. */
  prepared?: unknown;
}

export type Handler<M extends MethodDef> = (input: ParsedInputOf<M>, ctx: HandlerContext) => OutputOf<M>;
export type Handlers<T extends MethodTable> = { [K in keyof T]: Handler<T[K]> };

/**
 * Async work a method needs before its transaction (reading an uploaded file): runs after the role
 * and input checks, outside the transaction (reads take their own snapshot); its result is `ctx.prepared`.
 */
export type Prepare<M extends MethodDef> = (
  input: ParsedInputOf<M>,
  deps: CoreDeps,
  /** The caller, already authorised for the method; a preparer may check finer rights. */
  user: User | null,
) => Promise<unknown>;
export type Preparers<T extends MethodTable> = { [K in keyof T]?: Prepare<T[K]> };

/** The user id written to updated_by. */
export function actorId(ctx: HandlerContext): string {
  return ctx.user?.id ?? ctx.audit.user?.id ?? 'system';
}
