import * as grpc from '@grpc/grpc-js';
import { createDoubleLog } from './double-log.js';
import { streamsGrpc } from './protocol.js';
import { type DoubleFaults, streamsService } from './streams-service.js';

/** A running double: its connection string, its fault switches, and `stop`. */
export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  readonly faults: DoubleFaults;
  /** Ends every live subscription with UNAVAILABLE, as a node restart would. */
  dropSubscriptions(): void;
  /** How many events `$all` holds. */
  size(): number;
  stop(): Promise<void>;
}

/**
 * Starts an in-process gRPC **double** of EventStoreDB's Streams service, built on the
 * client package's own generated service definitions, so the adapter's real gRPC path runs.
 * It is not EventStoreDB: no persistence, no system streams, no auth, no clustering.
 */
export const startEsdbDouble = async (): Promise<EsdbDouble> => {
  const server = new grpc.Server();
  const log = createDoubleLog();
  const faults: DoubleFaults = { lostAppendReplies: 0 };
  const liveCalls = new Set<Parameters<ReturnType<typeof streamsService>['read']>[0]>();
  server.addService(
    streamsGrpc.StreamsService as unknown as grpc.ServiceDefinition,
    streamsService(log, faults, liveCalls) as unknown as grpc.UntypedServiceImplementation,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) =>
      error ? reject(error) : resolve(p),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    faults,
    dropSubscriptions: () => {
      for (const call of [...liveCalls]) {
        liveCalls.delete(call);
        // grpc-js sends an 'error' emitted on a server stream as the call's status.
        call.emit('error', {
          code: grpc.status.UNAVAILABLE,
          details: 'double: subscription dropped',
        });
      }
    },
    size: () => log.all().length,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        // Open subscriptions would hold a graceful shutdown forever.
        setTimeout(() => server.forceShutdown(), 200).unref();
      }),
  };
};
