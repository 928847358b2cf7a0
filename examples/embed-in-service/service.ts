/**
 * A small HTTP service embedding civic-ledger: command endpoints for tickets, the applicant's
 * progress view (TKT-05) and the Open311 GeoReport v2 endpoints, served from a read model the
 * service keeps up to date by subscribing to the store. node:http only, no framework.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { foldOpen311, type Open311Request } from '@civic-ledger/cli';
import {
  type Actor,
  chinaWorkCalendar,
  type DomainError,
  defaultPolicy,
  type EventStore,
  exampleServiceCatalogue,
  fold,
  handleCommand,
  type Policy,
  type ServiceCatalogue,
  type TicketCommand,
  type TicketEvent,
  ticketDecider,
  ticketProgress,
  ticketStreamId,
} from '@civic-ledger/domain';
import * as E from 'fp-ts/lib/Either.js';

export interface ServiceOptions {
  readonly store: EventStore;
  readonly policy?: Policy;
  readonly catalogue?: ServiceCatalogue;
  /** Stamps `recordedAt`; the service's own clock. */
  readonly clock?: () => string;
}

export interface RunningService {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

const STATUS: Record<DomainError['kind'], number> = {
  validation: 422,
  rule: 422,
  transition: 409,
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
};

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 1_000_000) throw new Error('body too large');
  }
  return text === '' ? {} : JSON.parse(text);
};

// Who is calling: a real deployment takes this from its authentication; the example reads
// headers so that a test can act as different staff members.
const actorOf = (req: IncomingMessage): Actor | undefined => {
  const id = req.headers['x-actor-id'];
  const role = req.headers['x-actor-role'];
  const unit = req.headers['x-actor-unit'];
  return typeof id === 'string' && typeof role === 'string' && typeof unit === 'string'
    ? { id, role, unit }
    : undefined;
};

/** Open311 `services.json` from the service catalogue (TKT-06). */
export const open311Services = (catalogue: ServiceCatalogue) =>
  Object.entries(catalogue).map(([code, s]) => ({
    service_code: code,
    service_name: s.name.zh,
    description: s.name.en,
    metadata: false,
    type: 'realtime',
    keywords: s.category,
    group: s.category,
  }));

/** Starts the service on `host:port` (port 0 picks a free one). */
export const startService = async (
  options: ServiceOptions,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningService> => {
  const { store } = options;
  const policy = options.policy ?? defaultPolicy;
  const catalogue = options.catalogue ?? exampleServiceCatalogue;
  const clock = options.clock ?? (() => new Date().toISOString());

  // The Open311 read model: one small summary per ticket, fed live by a subscription.
  const requests = new Map<string, Open311Request>();
  const subscription = store.subscribe(
    (stored) => {
      const id = stored.envelope.streamId;
      requests.set(id, foldOpen311(requests.get(id), stored, false));
    },
    { filter: { streamPrefixes: ['ticket-'] } },
  );
  await subscription.caughtUp;

  const command = async (
    req: IncomingMessage,
    res: ServerResponse,
    ticketId: string,
    body: unknown,
  ): Promise<void> => {
    const actor = actorOf(req);
    if (!actor)
      return send(res, 401, {
        error: {
          zh: '缺少操作人（x-actor-id/role/unit）',
          en: 'who is acting? send x-actor-id, x-actor-role and x-actor-unit',
        },
      });
    const { type, data, commandId } = (body ?? {}) as {
      type?: unknown;
      data?: unknown;
      commandId?: unknown;
    };
    if (typeof type !== 'string')
      return send(res, 400, { error: { zh: '缺少命令类型 type', en: 'missing command type' } });
    const now = clock();
    const result = await handleCommand(
      { store, clock },
      ticketDecider,
      ticketStreamId(ticketId),
      { type, data } as TicketCommand,
      { policy, calendar: chinaWorkCalendar, actor, now, serviceCatalogue: catalogue },
      {
        commandId: typeof commandId === 'string' ? commandId : `${ticketId}:${type}:${now}`,
        actor,
        occurredAt: now,
      },
    );
    if (E.isLeft(result)) return send(res, STATUS[result.left.kind], { error: result.left });
    send(res, result.right.duplicate ? 200 : 201, {
      streamId: result.right.streamId,
      version: result.right.version,
      events: result.right.events.map((e) => ({ type: e.type, eventId: e.eventId })),
    });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://service.local');
    const path = url.pathname;
    const ticketCommand = /^\/tickets\/([A-Za-z0-9._:-]+)\/commands$/.exec(path);
    const progress = /^\/tickets\/([A-Za-z0-9._:-]+)\/progress$/.exec(path);
    const oneRequest = /^\/requests\/([A-Za-z0-9._:-]+)\.json$/.exec(path);
    if (req.method === 'POST' && path === '/tickets') {
      const data = (await readJson(req)) as { ticketId?: unknown };
      if (typeof data.ticketId !== 'string')
        return send(res, 422, { error: { zh: '缺少 ticketId', en: 'missing ticketId' } });
      return command(req, res, data.ticketId, { type: 'ReceiveTicket', data });
    }
    if (req.method === 'POST' && ticketCommand)
      return command(req, res, ticketCommand[1]!, await readJson(req));
    if (req.method === 'GET' && progress) {
      const events: TicketEvent[] = [];
      for await (const { envelope } of store.readStream(ticketStreamId(progress[1]!)))
        events.push(envelope as unknown as TicketEvent);
      if (events.length === 0)
        return send(res, 404, { error: { zh: '工单不存在', en: 'no such ticket' } });
      return send(res, 200, ticketProgress(fold(ticketDecider, events)));
    }
    if (req.method === 'GET' && path === '/services.json')
      return send(res, 200, open311Services(catalogue));
    if (req.method === 'GET' && path === '/requests.json') {
      const status = url.searchParams.get('status');
      const code = url.searchParams.get('service_code');
      const ids = url.searchParams.get('service_request_id')?.split(',');
      return send(
        res,
        200,
        [...requests.values()].filter(
          (r) =>
            (!status || r.status === status) &&
            (!code || r.service_code === code) &&
            (!ids || ids.includes(r.service_request_id)),
        ),
      );
    }
    if (req.method === 'GET' && oneRequest) {
      const r = requests.get(ticketStreamId(oneRequest[1]!));
      return r
        ? send(res, 200, [r])
        : send(res, 404, [{ code: 404, description: 'service request not found' }]);
    }
    send(res, 404, { error: { zh: '没有这个地址', en: 'not found' } });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      send(res, 400, {
        error: { zh: '请求无效', en: error instanceof Error ? error.message : String(error) },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
      await subscription.close();
    },
  };
};
