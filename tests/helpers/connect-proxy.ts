import http from 'node:http';
import net from 'node:net';

/**
 * A minimal HTTP proxy on loopback that tunnels CONNECT requests (what undici's proxy agent sends)
 * and records each target, or refuses every tunnel with `refuse` (e.g. 407) to act as a strict proxy.
 */
export async function connectProxy(opts: { refuse?: number } = {}) {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    targets.push(req.url ?? '');
    sockets.add(client);
    client.on('error', () => {});
    if (opts.refuse) return client.end(`HTTP/1.1 ${opts.refuse} Refused\r\nContent-Length: 0\r\n\r\n`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
