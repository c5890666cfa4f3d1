import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countyPaths } from './paths';
import { openCountyDb, type CountyDb } from './db';
import { CountyError } from './errors';
import { loadCountyKeys } from './keys';
import { createReceiver, type Receiver } from './receive';
import { countyStatus } from './status';
import { renderStatusPage } from './status-page';

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface CountyServerOptions {
  dataDir: string;
  port?: number;
  /** 127.0.0.1 unless told otherwise; TLS belongs to a reverse proxy in front. */
  host?: string;
  maxBodyBytes?: number;
  now?: () => Date;
}

export interface CountyServer {
  url: string;
  port: number;
  db: CountyDb;
  close(): Promise<void>;
}

/** Regular bundles at bundles/, priority bundles (突发事件 reports, out of sequence) at priority/. */
const BUNDLE_PATH = /^\/api\/v1\/(bundles|priority)\/([^/]+)$/;

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

const tooLarge = (max: number) => new CountyError(413, 'TOO_LARGE', `上报包超过 ${max} 字节的上限，请调小每包的变更数`);

/** The body up to `max` bytes; past that it stops reading and refuses. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > max) return reject(tooLarge(max));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge(max));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** The status lists every township: only the county's own machine may read it, never via a proxy. */
function fromThisMachine(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && PROXY_HEADERS.every((h) => req.headers[h] === undefined);
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  receiver: Receiver,
  db: CountyDb,
  max: number,
  now: () => Date,
) {
  const url = new URL(req.url ?? '/', 'http://county.invalid');
  const bundle = BUNDLE_PATH.exec(url.pathname);
  if (bundle) {
    if (req.method !== 'PUT') throw new CountyError(405, 'METHOD', '上报包只能用 PUT 上传');
    const raw = await readBody(req, max);
    const { status, receipt } = await receiver.receive(bundle[2]!, raw, bundle[1] === 'priority');
    return sendJson(res, status, { receipt });
  }
  if (url.pathname === '/api/v1/status') {
    if (req.method !== 'GET') throw new CountyError(405, 'METHOD', '状态只能用 GET 查询');
    if (!fromThisMachine(req)) throw new CountyError(403, 'LOCAL_ONLY', '状态只能在县级服务器本机查询');
    return sendJson(res, 200, countyStatus(db));
  }
  if (url.pathname === '/status') {
    if (req.method !== 'GET') throw new CountyError(405, 'METHOD', '状态页只能用 GET 打开');
    if (!fromThisMachine(req)) throw new CountyError(403, 'LOCAL_ONLY', '状态只能在县级服务器本机查询');
    const html = renderStatusPage(countyStatus(db), now());
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(html),
      'Cache-Control': 'no-store',
      // Nothing on the page runs or loads: a name that slipped past escaping still could not act.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
    return res.end(html);
  }
  throw new CountyError(404, 'NOT_FOUND', `没有这个地址：${url.pathname}`);
}

/** Starts the county receiver over HTTP. */
export async function startCountyServer(opts: CountyServerOptions): Promise<CountyServer> {
  const paths = countyPaths(opts.dataDir);
  const countyKeys = loadCountyKeys(paths.keysDir);
  const db = openCountyDb(paths.dbFile);
  const max = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Decompressed lines are bounded too, so a small body cannot inflate without limit.
  const receiver = createReceiver(db, countyKeys, { maxPlainBytes: max * 8, now: opts.now });

  const server = http.createServer((req, res) => {
    route(req, res, receiver, db, max, opts.now ?? (() => new Date())).catch((err: unknown) => {
      if (err instanceof CountyError) {
        // After a refused oversized body the connection is closed rather than read to the end.
        return sendJson(res, err.status, err.toBody(), err.status === 413);
      }
      console.error(err);
      sendJson(res, 500, { error: { code: 'INTERNAL', message: '县级接收端内部错误，包未被接收' } });
    });
  });
  server.requestTimeout = 5 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
