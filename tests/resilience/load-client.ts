/**
 * One browser's worth of RPC over HTTP to the loopback host: the run token and the login session
 * in headers, as the renderer's client sends them, on a kept-alive connection; each call timed.
 */
import http from 'node:http';
import type { RpcResult } from '../../shared/errors';

export interface Reply {
  status: number;
  body: RpcResult<unknown>;
  ms: number;
}

export class LoadClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  session: string | null = null;

  constructor(
    private readonly port: number,
    private readonly token: string,
  ) {}

  call(method: string, input: unknown): Promise<Reply> {
    const body = JSON.stringify(input);
    const started = performance.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-zongzhi-token': this.token,
    };
    if (this.session) headers['x-zongzhi-session'] = this.session;
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: this.port, path: `/api/rpc/${method}`, method: 'POST', headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcResult<unknown>,
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The value at quantile `q` (0–1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
