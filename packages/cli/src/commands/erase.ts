import { randomUUID } from 'node:crypto';
import { eraseDataSubject } from '@civic-ledger/adapters';
import {
  chinaWorkCalendar,
  createCommandHandler,
  createGuardedCommandHandler,
  dataSubjectId,
  defaultAccessPolicy,
  defaultPolicy,
  describeTargetFrom,
  type ErasureLegalBasis,
  ErasureLegalBasisSchema,
  type EventStore,
  formatDomainError,
  isEncryptedValue,
  privacyStreamId,
} from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';
import { failure, usageError } from '../cli-error.js';
import { demoPepperWarning, pepperFromEnv } from '../privacy/pepper.js';
import { readAllUpToHead } from '../privacy/readers.js';
import { actorOption, defaultCliActor, type Globals, print, withStores } from './context.js';

const REQUESTER_KINDS = ['data-subject', 'guardian', 'authority', 'controller'] as const;
type RequesterKind = (typeof REQUESTER_KINDS)[number];

export interface EraseOptions {
  subjectId?: string;
  idNumber?: string;
  phone?: string;
  legalBasis: string;
  requester: string;
  reason?: string;
  actor?: string;
}

/** `--requester [kind:]reference`: kind data-subject (default), guardian, authority, controller. */
const requesterOption = (value: string): { kind: RequesterKind; reference: string } => {
  const colon = value.indexOf(':');
  const kind = colon > 0 ? value.slice(0, colon) : '';
  if (REQUESTER_KINDS.includes(kind as RequesterKind))
    return { kind: kind as RequesterKind, reference: value.slice(colon + 1).trim() };
  return { kind: 'data-subject', reference: value.trim() };
};

/** What the log holds of a subject: protected fields, events and records under its keys. */
const holdingsOf = async (store: EventStore, subjectId: string) => {
  const prefix = `${subjectId}.k`;
  let fields = 0;
  let events = 0;
  const streams = new Set<string>();
  for await (const { envelope } of readAllUpToHead(store)) {
    if (!personalDataCatalogue.personalTypes.has(envelope.type)) continue;
    const mine = personalDataCatalogue
      .fieldsOf(envelope.type, envelope.data)
      .filter((f) => isEncryptedValue(f.value) && f.value.kid.startsWith(prefix)).length;
    if (mine === 0) continue;
    fields += mine;
    events++;
    streams.add(envelope.streamId);
  }
  return { fields, events, streams: [...streams].sort() };
};

/**
 * `erase --subject-id ID | --id-number N | --phone P --legal-basis B --requester R`: records
 * `EraseDataSubject` in `privacy-<subject>` (only a privacy officer may; a refusal is
 * recorded in the security audit) and destroys the subject's keys (X-06, 个人信息保护法
 * 第四十七条). From then on every reader shows the subject's fields as `已删除`; the log,
 * whose hashes cover only ciphertext, still verifies.
 */
export const eraseCommand = async (globals: Globals, options: EraseOptions): Promise<void> => {
  const zh = globals.lang === 'zh';
  const given = [options.subjectId, options.idNumber, options.phone].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw usageError(
      '须且只须给出 --subject-id、--id-number、--phone 之一',
      'give exactly one of --subject-id, --id-number, --phone',
    );
  const basis = ErasureLegalBasisSchema.safeParse(options.legalBasis);
  if (!basis.success)
    throw usageError(
      `--legal-basis 须为 ${ErasureLegalBasisSchema.options.join('、')} 之一：${options.legalBasis}`,
      `--legal-basis must be one of ${ErasureLegalBasisSchema.options.join(', ')}: ${options.legalBasis}`,
    );
  const legalBasis: ErasureLegalBasis = basis.data;
  const requester = requesterOption(options.requester);
  if (!requester.reference)
    throw usageError(
      '--requester 须给出申请的案号或函号',
      '--requester needs the case or letter number of the request',
    );
  const actor = options.actor ? actorOption(options.actor) : defaultCliActor('privacy-officer');
  const pepper = pepperFromEnv();
  const subjectId =
    options.subjectId?.trim() ??
    (options.idNumber !== undefined
      ? dataSubjectId({ kind: 'id-number', value: options.idNumber }, pepper.value)
      : dataSubjectId({ kind: 'phone', value: options.phone ?? '' }, pepper.value));
  if (options.subjectId === undefined && pepper.demo) print(demoPepperWarning(globals.lang));

  await withStores(globals, async ({ store, keys }) => {
    const keyStore = await keys();
    const held = await holdingsOf(store, subjectId);
    const now = new Date().toISOString();
    const clock = () => new Date().toISOString();
    const handle = createGuardedCommandHandler({
      handle: createCommandHandler({ store, clock }),
      access: defaultAccessPolicy(defaultPolicy),
      describeTarget: describeTargetFrom(store),
    });
    const result = await eraseDataSubject(
      { handle, keyStore },
      {
        type: 'EraseDataSubject',
        data: {
          subjectId,
          legalBasis,
          requester,
          reason: options.reason?.trim() || `civic-ledger erase (${legalBasis})`,
        },
      },
      { policy: defaultPolicy, calendar: chinaWorkCalendar, actor, now },
      { commandId: `erase-${randomUUID()}`, actor, occurredAt: now },
    );
    if (result._tag === 'Left')
      throw failure(
        `未能删除：${formatDomainError(result.left, 'zh')}`,
        `not erased: ${formatDomainError(result.left, 'en')}`,
      );
    const { recorded, keysDestroyed } = result.right;
    const version = recorded.version;
    print(
      zh
        ? `已删除数据主体 ${subjectId}：销毁密钥 ${keysDestroyed} 把；${held.streams.length} 条记录中 ${held.events} 个事件的 ${held.fields} 个个人字段今后显示为「已删除」`
        : `erased data subject ${subjectId}: ${keysDestroyed} key(s) destroyed; ${held.fields} personal field(s) in ${held.events} event(s) of ${held.streams.length} record(s) now read "已删除"`,
    );
    for (const stream of held.streams.slice(0, 20)) print(`  ${stream}`);
    if (held.streams.length > 20)
      print(zh ? `  … 另 ${held.streams.length - 20} 条` : `  … ${held.streams.length - 20} more`);
    print(
      zh
        ? `删除已记录于 ${privacyStreamId(subjectId)} 第 ${version} 版（操作人 ${actor.id}，依据 ${legalBasis}，申请 ${requester.kind}:${requester.reference}）`
        : `recorded in ${privacyStreamId(subjectId)} version ${version} (by ${actor.id}, ${legalBasis}, requested by ${requester.kind}:${requester.reference})`,
    );
    if (held.fields === 0 && keysDestroyed === 0)
      print(
        zh
          ? '注意：存储中没有该数据主体的个人信息（证件号或电话有误，或 CIVIC_LEDGER_PEPPER 与写入时不同？）'
          : 'note: the store holds no personal data of this subject (a wrong ID number or phone, or another CIVIC_LEDGER_PEPPER than at writing?)',
      );
  });
};
