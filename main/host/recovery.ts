/**
 * Browser mode when the database file is damaged: instead of exiting, the host serves one page that
 * says what is wrong and offers the backups that would restore, newest first. Choosing one restores
 * it; then this page closes and the usual host starts on the same address and token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatDateTime } from '../../shared/dates';
import { formatSize } from '../../shared/cases/attachment-limits';

export interface RecoveryChoice {
  file: string;
  at: string;
  size: number;
  kindLabel: string;
}

export interface RecoveryHostOptions {
  port?: number;
  token?: string;
  problem: string;
  choices: RecoveryChoice[];
  /** Restores the chosen backup; throws with a Chinese message. */
  recover(file: string): void;
}

export interface RecoveryHost {
  openUrl: string;
  port: number;
  token: string;
  /** Resolves once a backup was restored and this page's server is closed. */
  recovered: Promise<void>;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: ServerResponse, status: number, body: string, refreshTo?: string): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>综治工作台 · 数据恢复</title>${
    refreshTo ? `<meta http-equiv="refresh" content="4;url=${esc(refreshTo)}">` : ''
  }<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:860px;margin:40px auto;color:#1f2a3d}
h1{font-size:22px;color:#b3261e}table{border-collapse:collapse;width:100%}td,th{border:1px solid #d9dee8;padding:6px 10px;text-align:left;white-space:nowrap}
td.file{white-space:normal;word-break:break-all}
button{padding:4px 14px}.note{color:#5b6577}</style></head><body>${body}</body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
  });
  res.end(html);
}

function same(given: string | null, token: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startRecoveryHost(opts: RecoveryHostOptions): Promise<RecoveryHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = opts.port ?? 0;
  let done: () => void;
  const recovered = new Promise<void>((resolve) => (done = resolve));

  const choicesHtml = () =>
    opts.choices.length === 0
      ? '<p><b>没有找到可用的备份。</b>请联系技术支持；损坏的数据库文件不会被删除。</p>'
      : `<p>可以用下列备份恢复（最新的在最上面）。恢复后，备份之后录入的数据需要重新录入。</p>
<table><tr><th>备份时间</th><th>类型</th><th>大小</th><th>文件</th><th></th></tr>${opts.choices
          .map(
            (
              c,
              i,
            ) => `<tr><td>${esc(formatDateTime(c.at))}</td><td>${esc(c.kindLabel)}</td><td>${esc(formatSize(c.size))}</td>
<td class="file">${esc(c.file)}</td><td><form method="post" action="/recover"><input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="choice" value="${i}"><button type="submit">用此备份恢复</button></form></td></tr>`,
          )
          .join('')}</table>`;

  const server = http.createServer((req, res) => {
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      return page(res, 403, '<p>只允许从本机访问</p>');
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    if (req.method === 'POST' && url.pathname === '/recover') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > 4096) req.destroy();
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        if (!same(form.get('token'), token)) return page(res, 403, '<p>访问令牌无效，请从启动时显示的地址打开</p>');
        const choice = opts.choices[Number(form.get('choice'))];
        if (!choice) return page(res, 400, '<p>请选择一份备份</p>');
        try {
          opts.recover(choice.file);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          return page(
            res,
            409,
            `<h1>未能恢复</h1><p>${esc(message)}</p><p><a href="/?token=${esc(token)}">返回</a></p>`,
          );
        }
        page(
          res,
          200,
          `<h1 style="color:#1f6f3a">已用备份恢复</h1><p>备份时间：${esc(formatDateTime(choice.at))}。正在启动综治工作台，几秒后自动打开登录页面。</p>`,
          `/?token=${encodeURIComponent(token)}`,
        );
        // Let the answer reach the browser, then make room for the usual host on this port.
        res.on('finish', () => {
          server.closeAllConnections();
          server.close(() => done());
        });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return page(res, 404, '<p>不支持的请求</p>');
    if (!same(url.searchParams.get('token'), token)) {
      return page(res, 403, '<p>访问令牌无效，请从启动时显示的地址打开</p>');
    }
    page(
      res,
      503,
      `<h1>数据库文件已损坏，综治工作台暂不能打开</h1><p class="note">检查结果：${esc(opts.problem)}</p>${choicesHtml()}
<p class="note">损坏的数据库文件会另存到备份文件夹（damaged-….sqlite），不会删除。</p>`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return { openUrl: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`, port, token, recovered };
}
