import type * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { DoubleEvent, DoubleLog, Expected, ProposedEvent } from './double-log.js';
import { sharedPb, streamsPb } from './protocol.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;

/** Faults a test can arm; each applies to the next matching call(s). */
export interface DoubleFaults {
  /** Appends to commit and then answer UNAVAILABLE: the client sees an unknown outcome. */
  lostAppendReplies: number;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

const recorded = (e: DoubleEvent) => {
  const r = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(e.id);
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(e.streamId, 'utf8'));
  r.setId(id);
  r.setStreamIdentifier(identifier);
  r.setStreamRevision(e.revision.toString());
  r.setCommitPosition(e.commit.toString());
  r.setPreparePosition(e.prepare.toString());
  r.getMetadataMap().set('type', e.type);
  r.getMetadataMap().set('content-type', e.contentType);
  r.getMetadataMap().set('created', e.created.toString());
  r.setData(e.data);
  r.setCustomMetadata(e.customMetadata);
  return r;
};

const eventResp = (e: DoubleEvent): ReadResp => {
  const read = new streamsPb.ReadResp.ReadEvent();
  read.setEvent(recorded(e));
  read.setCommitPosition(e.commit.toString());
  const resp = new streamsPb.ReadResp();
  resp.setEvent(read);
  return resp;
};

const checkpointResp = (e: DoubleEvent): ReadResp => {
  const checkpoint = new streamsPb.ReadResp.Checkpoint();
  checkpoint.setCommitPosition(e.commit.toString());
  checkpoint.setPreparePosition(e.prepare.toString());
  const resp = new streamsPb.ReadResp();
  resp.setCheckpoint(checkpoint);
  return resp;
};

/** The stream-name or event-type filter of a read, as a predicate. */
const filterOf = (filter: FilterOptions | undefined): ((e: DoubleEvent) => boolean) => {
  if (!filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expr = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expr) return () => true;
  const prefixes = expr.getPrefixList();
  const regex = expr.getRegex() ? new RegExp(expr.getRegex()) : undefined;
  return (e) => {
    const subject = onStream ? e.streamId : e.type;
    if (prefixes.length > 0 && !prefixes.some((p) => subject.startsWith(p))) return false;
    return !regex || regex.test(subject);
  };
};

const expectedOf = (options: InstanceType<typeof streamsPb.AppendReq.Options>): Expected => {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'stream-exists' };
  return { kind: 'any' };
};

const wrongVersion = (expected: Expected, current: bigint | undefined): AppendResp => {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (expected.kind === 'stream-exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else wrong.setExpectedAny(new sharedPb.Empty());
  const resp = new streamsPb.AppendResp();
  resp.setWrongExpectedVersion(wrong);
  return resp;
};

/**
 * The part of ESDB's Streams service the adapter uses — Append (client streaming) and Read
 * (stream reads, `$all` reads, `$all` subscriptions with filters and checkpoints) — over an
 * in-memory log. Anything else answers UNIMPLEMENTED.
 */
export const streamsService = (
  log: DoubleLog,
  faults: DoubleFaults,
  liveCalls: Set<grpc.ServerWritableStream<ReadReq, ReadResp>>,
) => ({
  append: (
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ): void => {
    let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (req: AppendReq) => {
      const opts = req.getOptions();
      if (opts) options = opts;
      const m = req.getProposedMessage();
      if (m)
        proposed.push({
          id: m.getId()?.getString() ?? '',
          type: m.getMetadataMap().get('type') ?? '',
          contentType: m.getMetadataMap().get('content-type') ?? 'application/octet-stream',
          data: m.getData_asU8(),
          customMetadata: m.getCustomMetadata_asU8(),
        });
    });
    call.on('end', () => {
      const identifier = options?.getStreamIdentifier();
      if (!options || !identifier) {
        callback({ code: status.INVALID_ARGUMENT, details: 'append without options' });
        return;
      }
      const streamId = text(identifier.getStreamName_asU8());
      const expected = expectedOf(options);
      const outcome = log.append(streamId, expected, proposed);
      if (!outcome.ok) {
        callback(null, wrongVersion(expected, outcome.current));
        return;
      }
      if (faults.lostAppendReplies > 0) {
        faults.lostAppendReplies--;
        callback({ code: status.UNAVAILABLE, details: 'double: reply lost after commit' });
        return;
      }
      const success = new streamsPb.AppendResp.Success();
      success.setCurrentRevision(outcome.revision.toString());
      const position = new streamsPb.AppendResp.Position();
      position.setCommitPosition(outcome.commit.toString());
      position.setPreparePosition(outcome.prepare.toString());
      success.setPosition(position);
      const resp = new streamsPb.AppendResp();
      resp.setSuccess(success);
      callback(null, resp);
    });
  },

  read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>): void => {
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'read without options' });
      return;
    }
    const backwards =
      options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = options.hasCount() ? Number(BigInt(options.getCount())) : Number.MAX_SAFE_INTEGER;

    const stream = options.getStream();
    if (stream) {
      const streamId = text(stream.getStreamIdentifier()?.getStreamName_asU8() ?? new Uint8Array());
      const events = log.stream(streamId);
      if (!events) {
        const notFound = new streamsPb.ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(stream.getStreamIdentifier());
        const resp = new streamsPb.ReadResp();
        resp.setStreamNotFound(notFound);
        call.write(resp);
        call.end();
        return;
      }
      let i = stream.hasRevision()
        ? Number(BigInt(stream.getRevision()))
        : stream.hasEnd()
          ? events.length - 1
          : backwards
            ? events.length - 1
            : 0;
      for (let sent = 0; sent < count && i >= 0 && i < events.length; sent++) {
        call.write(eventResp(events[i]!));
        i += backwards ? -1 : 1;
      }
      call.end();
      return;
    }

    const all = options.getAll();
    if (!all) {
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'double: unsupported read' });
      return;
    }
    const keep = filterOf(options.getFilter());
    const events = log.all();
    const position = all.getPosition();
    let start = all.hasEnd()
      ? events.length
      : position
        ? log.indexFrom(BigInt(position.getCommitPosition()), BigInt(position.getPreparePosition()))
        : 0;

    if (!options.hasSubscription()) {
      // Backwards from `start` (or the end), forwards from `start`; `count` matching events.
      const step = backwards ? -1 : 1;
      let sent = 0;
      for (
        let i = backwards ? Math.min(start, events.length - 1) : start;
        i >= 0 && i < events.length && sent < count;
        i += step
      ) {
        const e = events[i]!;
        if (!keep(e)) continue;
        call.write(eventResp(e));
        sent++;
      }
      call.end();
      return;
    }

    // A subscription starts after the given position (ESDB's subscriptions are exclusive).
    const from = events[start];
    if (
      position &&
      from &&
      from.commit === BigInt(position.getCommitPosition()) &&
      from.prepare === BigInt(position.getPreparePosition())
    )
      start++;
    const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`double-${Math.random().toString(36).slice(2)}`);
    const confirm = new streamsPb.ReadResp();
    confirm.setConfirmation(confirmation);
    call.write(confirm);
    const filtered = options.hasFilter();
    const send = (batch: readonly DoubleEvent[]): void => {
      for (const e of batch) if (keep(e)) call.write(eventResp(e));
      const last = batch[batch.length - 1];
      if (filtered && last) call.write(checkpointResp(last));
    };
    send(events.slice(start));
    const caughtUp = new streamsPb.ReadResp();
    caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
    call.write(caughtUp);
    const unsubscribe = log.onAppend(send);
    liveCalls.add(call);
    const stop = (): void => {
      unsubscribe();
      liveCalls.delete(call);
    };
    call.on('cancelled', stop);
    call.on('close', stop);
    call.on('error', stop);
  },
});
