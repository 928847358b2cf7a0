import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldProtector, readAllRevealed } from '@civic-ledger/adapters';
import { projectionCatalogue } from '@civic-ledger/cli';
import {
  type ComplaintCommand,
  complaintDecider,
  complaintStreamId,
  createCommandHandler,
  ticketStreamId,
} from '@civic-ledger/domain';
import { personalDataCatalogue } from '@civic-ledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { filesText, openEmbedded, rawRows, readModelsJson, runCli } from './cli-support.js';
import {
  li,
  metaOf,
  recordZhangAndLi,
  testClock,
  ticketCtx,
  ticketRunner,
  windowStaff,
  zhang,
} from './support.js';

// The CLI path end to end on an embedded store: personal data written through
// the protector, 张三丰 erased with `civic-ledger erase`, then every read model rebuilt and
// every export run: nothing of theirs in plain text anywhere, and the log still verifies.
vi.setConfig({ testTimeout: 120_000 });

const PEPPER = 'cli-test-pepper-不要在生产中使用';
const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-erase-'));
const storeDir = join(dir, 'store');
const cli = (...args: string[]) =>
  runCli(['--store', `embedded:${storeDir}`, '--lang', 'en', '--quiet', ...args]);

const complaint = {
  name: '张三丰',
  phone: '13800138000',
  address: '北京市东城区东华门街道某某胡同 7 号',
  content: '张三丰投诉窗口态度差',
  demand: '张三丰要求道歉',
};
// Everything of 张三丰 that must be gone after the erasure, from every output and store.
const secrets = [
  zhang.name,
  zhang.idNumber,
  zhang.phone,
  '张三丰住院需要救助',
  '回访张三丰：问题已解决',
  complaint.address,
  complaint.content,
  complaint.demand,
  // Their masked forms must not survive either: the masks are computed from the plaintext.
  '110105********002X',
  '138****8000',
];

const auditor = 'aud-01:auditor:district';

const outputs: Record<string, string> = {};
let erase: { id: Awaited<ReturnType<typeof cli>>; phone: Awaited<ReturnType<typeof cli>> };

beforeAll(async () => {
  process.env.CIVIC_LEDGER_PEPPER = PEPPER;
  const { pg, store, keyStore } = await openEmbedded(storeDir);
  try {
    const handle = createCommandHandler({
      store,
      clock: testClock(),
      protect: createFieldProtector({ keyStore, catalogue: personalDataCatalogue, pepper: PEPPER })
        .protect,
    });
    const ticket = ticketRunner(handle);
    await recordZhangAndLi(ticket);
    const ctx = ticketCtx(10);
    const r = await handle(
      complaintDecider,
      complaintStreamId('C1'),
      {
        type: 'ReceiveComplaint',
        data: {
          complaintId: 'C1',
          channel: 'on-site',
          form: 'written',
          complainant: { name: complaint.name, phone: complaint.phone, address: complaint.address },
          respondent: { kind: 'window', id: 'window-2', unitId: 'centre-01' },
          content: complaint.content,
          demands: [complaint.demand],
          unitId: 'centre-01',
        },
      } as ComplaintCommand,
      ctx,
      metaOf('C1-1', windowStaff, ctx.now),
    );
    if (E.isLeft(r)) throw new Error(`ReceiveComplaint: ${r.left.message.en}`);
  } finally {
    await store.close();
    await pg.close();
  }

  // A privileged read before the erasure: recorded, and it sees the plain text.
  outputs.privilegedBefore = (
    await cli(
      'history',
      ticketStreamId('T1'),
      '--privileged',
      '--purpose',
      '复核 2026-9',
      '--actor',
      auditor,
    )
  ).stdout;
  // The request names both identifiers the person gave: the complaint knows only the phone.
  erase = {
    id: await cli(
      'erase',
      '--id-number',
      zhang.idNumber,
      '--legal-basis',
      'consent-withdrawn',
      '--requester',
      'data-subject:删除申请 2026-118',
    ),
    phone: await cli(
      'erase',
      '--phone',
      zhang.phone,
      '--legal-basis',
      'consent-withdrawn',
      '--requester',
      'data-subject:删除申请 2026-118',
    ),
  };

  const file = (name: string) => join(dir, name);
  for (const format of ['jsonl', 'cloudevents', 'open311']) {
    const r = await cli('export', '--format', format, '--out', file(`export.${format}`));
    expect(r.code, r.stderr).toBe(0);
    outputs[`export ${format}`] = readFileSync(file(`export.${format}`), 'utf8');
  }
  for (const format of ['cloudevents', 'open311']) {
    const r = await cli(
      'export',
      '--format',
      format,
      '--privileged',
      '--purpose',
      '审计抽查 2026-12',
      '--actor',
      auditor,
    );
    expect(r.code, r.stderr).toBe(0);
    outputs[`privileged export ${format}`] = r.stdout;
  }
  for (const stream of [ticketStreamId('T1'), ticketStreamId('T2'), complaintStreamId('C1')]) {
    outputs[`history ${stream}`] = (await cli('history', stream)).stdout;
    outputs[`history --json ${stream}`] = (await cli('history', stream, '--json')).stdout;
    outputs[`privileged history ${stream}`] = (
      await cli('history', stream, '--privileged', '--purpose', '核查删除结果', '--actor', auditor)
    ).stdout;
  }
  for (const format of ['md', 'html', 'json']) {
    const r = await cli('report', '--period', '2026-Q4', '--format', format);
    expect(r.code, r.stderr).toBe(0);
    outputs[`report ${format}`] = r.stdout;
  }
  outputs.replay = (await cli('replay', '--json')).stdout;

  // Every read model rebuilt, from the stored log and from the decrypted log a reader gets.
  const { pg: pg2, store: store2, keyStore: keys2 } = await openEmbedded(storeDir);
  try {
    const projections = [...projectionCatalogue().values()];
    outputs['read models (stored log)'] = await readModelsJson(store2.readAll(), projections);
    outputs['read models (decrypted log)'] = await readModelsJson(
      readAllRevealed(store2, personalDataCatalogue, keys2),
      projections,
    );
    outputs['raw rows'] = await rawRows(pg2);
  } finally {
    await store2.close();
    await pg2.close();
  }
  // Every byte of the database directory: table files, WAL, everything PGlite wrote.
  outputs['database files'] = filesText(storeDir);
}, 300_000);

afterAll(() => {
  delete process.env.CIVIC_LEDGER_PEPPER;
  rmSync(dir, { recursive: true, force: true });
});

describe('X-06 civic-ledger erase, then every read model and export (crypto-shredding through the CLI)', () => {
  it('X-06 a privileged reader saw 张三丰 in clear before the erasure (the data was there)', () => {
    expect(outputs.privilegedBefore).toContain(zhang.name);
    expect(outputs.privilegedBefore).toContain(zhang.idNumber);
  });

  it('X-06 erase by ID number and by phone records the erasure and destroys the keys', () => {
    expect(erase.id.code, erase.id.stderr).toBe(0);
    expect(erase.id.stdout).toMatch(/erased data subject ds-[0-9a-f]{40}: 1 key\(s\) destroyed/);
    expect(erase.id.stdout).toContain('ticket-T1');
    expect(erase.id.stdout).toContain('ticket-T2');
    expect(erase.phone.code, erase.phone.stderr).toBe(0);
    expect(erase.phone.stdout).toContain('complaint-C1');
  });

  it('X-06 no plaintext (nor mask) of 张三丰 in any export, history, report, read model, table or file', () => {
    const scanned = Object.keys(outputs);
    expect(scanned.length).toBeGreaterThanOrEqual(20);
    for (const [name, text] of Object.entries(outputs)) {
      if (name === 'privilegedBefore') continue;
      expect(text.length, name).toBeGreaterThan(0);
      for (const secret of secrets) expect(text, `${name} holds ${secret}`).not.toContain(secret);
    }
  });

  it('X-06 readers show the erased fields as 已删除 and the other applicant as before', () => {
    expect(outputs[`history --json ${ticketStreamId('T1')}`]).toContain(
      '"applicant":{"kind":"person","name":"已删除","phone":"已删除","idNumber":"已删除"}',
    );
    expect(outputs[`history --json ${complaintStreamId('C1')}`]).toContain('"content":"已删除"');
    expect(outputs['export cloudevents']).toContain('"name":"李**"');
    expect(outputs['privileged export cloudevents']).toContain(li.idNumber);
    expect(outputs['privileged export open311']).toContain('李四光申请证明');
    expect(outputs['read models (decrypted log)']).toContain('已删除');
  });

  it('X-06 each privileged read is on record: who, what, why', async () => {
    const audit = await cli('history', 'security-audit-district', '--json');
    const reads = audit.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            actor: { id: string };
            data: { purpose: string; streamId: string };
          },
      );
    expect(reads.every((r) => r.type === 'PersonalDataRead' && r.actor.id === 'aud-01')).toBe(true);
    expect(reads.map((r) => r.data.purpose)).toEqual(
      expect.arrayContaining(['复核 2026-9', '审计抽查 2026-12', '核查删除结果']),
    );
    expect(reads.map((r) => r.data.streamId)).toContain(complaintStreamId('C1'));
  });

  it('X-07 the log still verifies after the erasure (hashes cover ciphertext only)', async () => {
    const v = await cli('verify');
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  it('X-06 --privileged without --purpose is a usage error', async () => {
    expect((await cli('history', ticketStreamId('T3'), '--privileged')).code).toBe(2);
    expect((await cli('export', '--format', 'cloudevents', '--privileged')).code).toBe(2);
    // JSONL is the stored (encrypted, verifiable) form: there is nothing to reveal.
    expect((await cli('export', '--format', 'jsonl', '--privileged', '--purpose', 'x')).code).toBe(
      2,
    );
  });

  it('X-06 a role that may not read personal data in clear is refused, even with a purpose', async () => {
    const r = await cli(
      'history',
      ticketStreamId('T3'),
      '--privileged',
      '--purpose',
      '好奇',
      '--actor',
      'staff-001:window-staff:centre-01',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/role window-staff may not read personal data in clear/);
    expect(r.stdout).not.toContain(li.name);
  });
});
