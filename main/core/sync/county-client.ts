import { z } from 'zod';
import { envProxyFetch } from './env-proxy';

/** What one upload attempt came to. */
export type UploadOutcome =
  | { kind: 'acked'; receipt: Receipt }
  /** The county expects another start: resend from there. */
  | { kind: 'resume'; expectedSeqFrom: number; error: string }
  /** Worth trying again later with the same bytes: no connection, a timeout, a server error. */
  | { kind: 'retry'; error: string }
  /** The county refused this bundle for good; its changes go again in a new one. */
  | { kind: 'rejected'; error: string };

const receiptSchema = z.object({
  bundleId: z.string(),
  township: z.string(),
  seqFrom: z.number().int(),
  seqTo: z.number().int(),
  changeCount: z.number().int(),
  hash: z.string(),
  receivedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), expectedSeqFrom: z.number().int().positive().optional() }),
});

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Network failures a clerk may meet, in words (the code stays for whoever is called to help). */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝，县级接收服务可能未启动',
  ENOTFOUND: '找不到该地址，请检查地址或网络',
  EAI_AGAIN: '域名解析失败，请检查网络',
  ETIMEDOUT: '连接超时',
  ECONNRESET: '连接被中断',
  EHOSTUNREACH: '无法到达该主机，请检查网络',
  ENETUNREACH: '网络不可用',
  UND_ERR_SOCKET: '连接被中断',
  UND_ERR_CONNECT_TIMEOUT: '连接超时',
};

function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === 'TimeoutError') return '等待回应超时';
  // DOMException carries a numeric code; only Node's string codes name a network failure.
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const chain: unknown[] = [];
  for (let e: unknown = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  const proxy = chain
    .map((e) => /Proxy response \((\d+)\)/.exec(String((e as Error).message))?.[1])
    .find((s) => s !== undefined);
  if (proxy) return `代理服务器拒绝转发（HTTP ${proxy}），请检查 HTTP_PROXY / HTTPS_PROXY 设置`;
  if (code && NETWORK_ERRORS[code]) return `${NETWORK_ERRORS[code]}（${code}）`;
  // Electron's net.fetch names Chromium's errors in the message, e.g. net::ERR_CONNECTION_REFUSED.
  const net = /net::(ERR_[A-Z_]+)/.exec(String((err as Error).message))?.[1];
  if (net === 'ERR_CONNECTION_REFUSED') return `${NETWORK_ERRORS.ECONNREFUSED}（${net}）`;
  if (net?.startsWith('ERR_PROXY')) return `代理服务器连接失败，请检查系统代理设置（${net}）`;
  if (net === 'ERR_NAME_NOT_RESOLVED') return `${NETWORK_ERRORS.ENOTFOUND}（${net}）`;
  if (net) return `网络错误（${net}）`;
  return code ?? cause?.message ?? (err as Error).message;
}

/** PUTs one bundle and reads the county's answer, trusting nothing in it that does not check out. */
export async function sendBundle(
  countyUrl: string,
  bundle: { id: string; body: string; hash: string; seqTo: number },
  opts: { fetch?: FetchLike; timeoutMs?: number; priority?: boolean } = {},
): Promise<UploadOutcome> {
  const doFetch = opts.fetch ?? envProxyFetch();
  let res: Response;
  let json: unknown;
  try {
    const kind = opts.priority ? 'priority' : 'bundles';
    res = await doFetch(`${countyUrl}/api/v1/${kind}/${bundle.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/jose' },
      body: bundle.body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000),
    });
    json = await res.json().catch(() => null);
  } catch (err) {
    return { kind: 'retry', error: `无法连接县级服务器（${countyUrl}）：${reason(err)}` };
  }
  if (res.status === 200 || res.status === 201) {
    const r = receiptSchema.safeParse((json as { receipt?: unknown } | null)?.receipt);
    if (r.success && r.data.bundleId === bundle.id && r.data.hash === bundle.hash && r.data.seqTo === bundle.seqTo) {
      return { kind: 'acked', receipt: r.data };
    }
    return { kind: 'retry', error: `县级服务器的回执与上报包不符（HTTP ${res.status}）` };
  }
  const e = errorSchema.safeParse(json);
  const message = e.success
    ? `县级服务器拒收（HTTP ${res.status}）：${e.data.error.message}`
    : `县级服务器回应 HTTP ${res.status}`;
  if (res.status === 409 && e.success && e.data.error.expectedSeqFrom) {
    return { kind: 'resume', expectedSeqFrom: e.data.error.expectedSeqFrom, error: message };
  }
  // 408/429 and 5xx are passing troubles, as are answers from something that is not our county server.
  if (res.status >= 500 || res.status === 408 || res.status === 429 || !e.success)
    return { kind: 'retry', error: message };
  return { kind: 'rejected', error: message };
}
