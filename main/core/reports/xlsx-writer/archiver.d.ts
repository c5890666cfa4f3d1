/**
 * The part of archiver 5's API the writer uses. The registry's @types/archiver is written for
 * archiver 8, so the installed 5.3.2 (exceljs's own zip library) is typed here.
 */
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  export interface ZipOptions {
    zlib?: { level?: number; chunkSize?: number };
    /** Bytes the archive buffers before its reader must take them. */
    highWaterMark?: number;
  }

  export interface EntryData {
    name: string;
    date?: Date;
  }

  export interface Archiver extends Transform {
    append(source: Readable | Buffer, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
  }

  function archiver(format: 'zip', options?: ZipOptions): Archiver;
  export default archiver;
}
