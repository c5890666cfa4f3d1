import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from './county-client';

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/**
 * Runs `make` without the one process warning `code` it emits. undici 6 marks EnvHttpProxyAgent
 * "experimental" on every first use; an operator running `push` would read it as a fault.
 */
function quietly<T>(code: string, make: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const opts = rest[0] as { code?: string } | string | undefined;
    if (typeof opts === 'object' && opts?.code === code) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emit;
  }
}

let cached: { key: string; fetch: FetchLike } | null = null;

/**
 * fetch that goes through HTTP_PROXY / HTTPS_PROXY unless NO_PROXY exempts the host (the CLI and the
 * browser host; the desktop app uses Electron's session proxy instead). Node's own fetch ignores
 * these variables, so undici's EnvHttpProxyAgent reads them; one agent per set of values.
 */
export function envProxyFetch(env: NodeJS.ProcessEnv = process.env): FetchLike {
  const key = JSON.stringify(PROXY_VARS.map((v) => env[v] ?? null));
  if (cached?.key === key) return cached.fetch;
  const dispatcher = quietly(
    'UNDICI-EHPA',
    () =>
      new EnvHttpProxyAgent({
        httpProxy: env.HTTP_PROXY ?? env.http_proxy,
        httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
        noProxy: env.NO_PROXY ?? env.no_proxy,
      }),
  );
  // undici's Request/Response are the ones Node's fetch is built on; only the type names differ.
  const viaProxy = ((url: string, init: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher })) as unknown as FetchLike;
  cached = { key, fetch: viaProxy };
  return viaProxy;
}
