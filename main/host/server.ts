import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorBody, ErrorCode, RpcResult } from '../../shared/errors';
import { dispatchAny, type Dispatch } from '../core/rpc/dispatcher';
import { toApiError } from '../core/rpc/errors';
import { serveStatic } from './static';

export const TOKEN_HEADER = 'x-zongzhi-token';
export const SESSION_HEADER = 'x-zongzhi-session';
const MAX_BODY_BYTES = 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Per-run secret; random unless a test fixes it. */
  token?: string;
  /** A finished ledger export's file for a session (throws ApiError when not theirs or not done). */
  ledgerFile?: (jobId: string, session: string | null) => { file: string; fileName: string };
}

export interface Host {
  url: string;
  /** The address to open in a browser: carries the run token once. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  const error: ApiErrorBody = { code, message };
  sendJson(res, STATUS[code], { ok: false, error } satisfies RpcResult<never>);
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or null past the limit (the rest is drained and dropped so the client still gets its answer). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The HTTP carrier: 127.0.0.1 only, every API call must carry the per-run token, and the Host header
 * must name the loopback address (a web page elsewhere cannot reach it through DNS rebinding).
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 'NOT_FOUND', '接口只接受 POST 请求');
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendError(res, 'UNAUTHENTICATED', '访问令牌无效，请从启动时显示的地址打开');
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 'VALIDATION', '请求格式应为 JSON');
    }
    const body = await readBody(req);
    if (body === null) return sendError(res, 'VALIDATION', '请求内容过大（上限 1 MB）');
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(res, 'VALIDATION', '请求内容不是有效的 JSON');
    }
    const session = req.headers[SESSION_HEADER];
    const result = await dispatchAny(opts.dispatch, {
      method,
      input,
      session: typeof session === 'string' ? session : null,
    });
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  /** GET /api/reports/ledger/<jobId>: the finished 事件台账, token and session checked like a call. */
  function sendLedger(req: IncomingMessage, res: ServerResponse, jobId: string): void {
    if (req.method !== 'GET') return sendError(res, 'NOT_FOUND', '下载只接受 GET 请求');
    if (!sameSecret(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendError(res, 'UNAUTHENTICATED', '访问令牌无效，请从启动时显示的地址打开');
    }
    if (!opts.ledgerFile) return sendError(res, 'NOT_FOUND', '不支持下载导出文件');
    const session = req.headers[SESSION_HEADER];
    let found: { file: string; fileName: string };
    let size: number;
    try {
      found = opts.ledgerFile(jobId, typeof session === 'string' ? session : null);
      size = fs.statSync(found.file).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return sendError(res, 'NOT_FOUND', '导出的文件已被清理（程序重启过），请重新导出');
      }
      const e = toApiError(err);
      return sendError(res, e.code, e.message);
    }
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Length': size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    // pipeline closes the file when the download is cancelled or fails midway.
    pipeline(fs.createReadStream(found.file), res, () => undefined);
  }

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      return sendError(res, 'FORBIDDEN', '只允许从本机访问');
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (url.pathname.startsWith('/api/rpc/')) {
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/rpc/'.length));
      } catch {
        return sendError(res, 'VALIDATION', '接口名称的编码无效');
      }
      handleRpc(req, res, method).catch(() => {
        if (!res.headersSent) sendError(res, 'INTERNAL', '内部错误');
      });
      return;
    }
    const ledger = /^\/api\/reports\/ledger\/([A-Za-z0-9_-]{1,40})$/.exec(url.pathname);
    if (ledger) return sendLedger(req, res, ledger[1]!);
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'NOT_FOUND', '不支持的请求');
    serveStatic(opts.staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
