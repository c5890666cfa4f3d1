import net from 'node:net';

/**
 * A loopback TCP relay that passes requests to `targetPort` but holds back the answers: the
 * county has received and applied the upload, the township has not heard so. `answered` resolves
 * when the county's first response bytes arrive.
 */
export async function holdingProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let seen!: () => void;
  const answered = new Promise<void>((resolve) => (seen = resolve));
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
    }
    client.pipe(upstream);
    upstream.on('data', () => seen());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (for a county that is down). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
