/**
 * The zip container, through archiver (deflate on libuv's thread pool). Parts are queued in
 * order; the sheet is a stream whose writer waits for 'drain', so however many rows go in, only a
 * few chunks are ever in memory.
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import archiver, { type Archiver } from 'archiver';

/** Chunks the sheet stream holds before its writer waits. */
const SHEET_BUFFER = 1 << 20;

export class ZipPackage {
  private readonly archive: Archiver;
  private readonly date = new Date();
  /** Settles when the last byte reached `out`; rejects on the first error anywhere. */
  readonly done: Promise<void>;
  /** Rejects with that same error, for anyone waiting on a 'drain' that will never come. */
  private readonly failed: Promise<never>;

  constructor(out: Writable, level: number) {
    // Output buffers of 256 KB: a sixteenth of the thread-pool round trips of zlib's default 16 KB.
    this.archive = archiver('zip', { zlib: { level, chunkSize: 1 << 18 } });
    let fail: (err: Error) => void = () => undefined;
    this.failed = new Promise<never>((_, reject) => (fail = reject));
    this.failed.catch(() => undefined);
    this.done = new Promise<void>((resolve, reject) => {
      const stop = (err: Error) => {
        fail(err);
        reject(err);
      };
      this.archive.on('error', stop);
      this.archive.on('warning', stop);
      out.on('error', stop);
      out.on('finish', resolve);
    });
    this.done.catch(() => undefined);
    this.archive.pipe(out);
  }

  add(name: string, content: string): void {
    this.archive.append(Buffer.from(content, 'utf8'), { name, date: this.date });
  }

  /** A part written in pieces: `write` returns a promise only when the reader is behind. */
  stream(name: string): { write(bytes: Buffer): Promise<void> | undefined; end(): void } {
    const pass = new PassThrough({ highWaterMark: SHEET_BUFFER });
    this.archive.append(pass, { name, date: this.date });
    return {
      write: (bytes) => {
        if (pass.write(bytes)) return undefined;
        return Promise.race([once(pass, 'drain').then(() => undefined), this.failed]);
      },
      end: () => pass.end(),
    };
  }

  async finish(): Promise<void> {
    await Promise.race([this.archive.finalize(), this.failed]);
    await this.done;
  }
}
