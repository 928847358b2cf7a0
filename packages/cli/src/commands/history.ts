import type { StoredEvent } from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';
import { failure } from '../cli-error.js';
import { maskEventData } from '../privacy/mask-event.js';
import { readableEvents } from '../privacy/readers.js';
import { type Globals, print, privilegedReaderOption, withStores } from './context.js';

const REASON_KEYS = ['reason', 'reasonText', 'rejectionReason', 'returnReason', 'note', 'comment'];

/** The reason text an event carries, if it has one at its top level (X-02, ARC-03). */
const reasonOf = (data: unknown): string | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  for (const key of REASON_KEYS) {
    const value = record[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null) {
      const text =
        (value as Record<string, unknown>).text ?? (value as Record<string, unknown>).detail;
      if (typeof text === 'string') return text;
    }
  }
  return undefined;
};

/** One audit-trail entry, personal data masked unless read with privilege. */
export interface HistoryEntry {
  readonly version: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly actor: { readonly id: string; readonly role: string; readonly unit: string };
  readonly commandId: string;
  readonly causationId: string;
  readonly correlationId: string;
  readonly reason?: string;
  readonly data: unknown;
}

/**
 * The audit-trail entry of one stored event, personal data masked; `privileged`
 * keeps the data as given, for a reader whose read was recorded (see `readableEvents`).
 * Pass decrypted events for readable masks (`张*`); ciphertext masks as `***`.
 */
export const historyEntry = (
  { envelope: e, position }: StoredEvent,
  privileged = false,
): HistoryEntry => {
  const data = privileged ? e.data : maskEventData(e.type, e.data);
  const reason = reasonOf(data);
  return {
    version: e.streamVersion,
    position: position.toString(),
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    type: e.type,
    actor: e.actor,
    commandId: e.commandId,
    causationId: e.causationId,
    correlationId: e.correlationId,
    ...(reason === undefined ? {} : { reason }),
    data,
  };
};

/**
 * `history STREAM [--privileged --purpose TEXT [--actor id:role:unit]]`: who did what, when
 * and why, in order, personal data decrypted then masked (`张*`, erased `已删除`), or
 * in clear for a privileged reader with a purpose, the read recorded first.
 */
export const historyCommand = async (
  globals: Globals,
  streamId: string,
  options: { json?: boolean; privileged?: boolean; purpose?: string; actor?: string },
): Promise<void> => {
  const zh = globals.lang === 'zh';
  const reader = privilegedReaderOption(options);
  await withStores(globals, async ({ store, keys }) => {
    // The whole stream first: a privileged read is recorded once, before anything is shown.
    const events: StoredEvent[] = [];
    for await (const stored of store.readStream(streamId)) events.push(stored);
    if (events.length === 0)
      throw failure(
        `流 ${streamId} 不存在或没有事件`,
        `stream ${streamId} does not exist or has no events`,
      );
    const personal = events.some((s) => isPersonal(s.envelope.type));
    const shown = personal
      ? readableEvents(store, iterate(events), await keys(), reader)
      : iterate(events);
    for await (const stored of shown) {
      const h = historyEntry(stored, reader !== undefined);
      if (options.json) {
        print(JSON.stringify(h));
        continue;
      }
      const who = `${h.actor.id} (${h.actor.role} @ ${h.actor.unit})`;
      print(`#${h.version}  ${h.occurredAt}  ${h.type}`);
      print(`    ${zh ? '操作人' : 'who  '}: ${who}`);
      print(
        `    ${zh ? '记录于' : 'when '}: ${zh ? '发生' : 'occurred'} ${h.occurredAt}, ${zh ? '入库' : 'recorded'} ${h.recordedAt}`,
      );
      print(
        `    ${zh ? '缘由  ' : 'why  '}: ${zh ? '命令' : 'command'} ${h.commandId}` +
          (h.causationId !== h.commandId ? `, ${zh ? '起因' : 'caused by'} ${h.causationId}` : '') +
          (h.correlationId !== h.commandId
            ? `, ${zh ? '关联' : 'correlation'} ${h.correlationId}`
            : '') +
          (h.reason && h.reason !== '***' ? ` — ${h.reason}` : ''),
      );
      print(`    ${zh ? '内容  ' : 'what '}: ${JSON.stringify(h.data)}`);
    }
  });
};

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

const isPersonal = (type: string): boolean => personalDataCatalogue.personalTypes.has(type);
