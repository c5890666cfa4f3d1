import type { RpcResult } from '../../shared/errors';

/** What the Electron preload exposes through contextBridge, and nothing else. */
export interface ZongzhiBridge {
  invoke(method: string, payload: { input: unknown; session: string | null }): Promise<RpcResult<unknown>>;
  /** Shows the save dialog and writes the workbook; false when the clerk cancels. */
  saveReport?(fileName: string, base64: string): Promise<boolean>;
  /** Opens the system print dialog for a form's HTML on the given paper. */
  printReport?(html: string, paper: 'A4' | 'A3', landscape: boolean): Promise<void>;
  /** A streamed export's save dialog, shown before the job starts; a ticket for the path, or null. */
  chooseLedgerPath?(fileName: string): Promise<string | null>;
  /** Writes the finished job's workbook to the path the ticket stands for. */
  saveLedger?(ticket: string, jobId: string, session: string | null): Promise<boolean>;
}

declare global {
  interface Window {
    zongzhi?: ZongzhiBridge;
  }
}
