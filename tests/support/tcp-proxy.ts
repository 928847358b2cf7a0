import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy between a client and a server that a test can use to cut connections at a
 * chosen moment, or to let the next request through and then cut before the reply arrives
 * (an append whose outcome the client cannot know).
 */
export const startTcpProxy = async (targetHost: string, targetPort: number) => {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let swallowReplies = false;
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    const pair = { client, upstream };
    pairs.add(pair);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (swallowReplies) {
        // The server has done the work; the client never hears of it.
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const close = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return {
    port,
    /** Drops every connection now. */
    cutAll: (): void => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
    },
    /** From now until `restore`, the first reply on any connection drops that connection. */
    swallowNextReplies: (): void => {
      swallowReplies = true;
    },
    restore: (): void => {
      swallowReplies = false;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
};
