/** Runs the example service: `pnpm exec tsx --conditions=@civic-ledger/source examples/embed-in-service/main.ts`. */
import { openEventStore } from '@civic-ledger/adapters';
import { startService } from './service.js';

const store = await openEventStore(process.env.CIVIC_LEDGER_STORE ?? 'memory:');
const service = await startService(
  { store },
  Number(process.env.PORT ?? 3311),
  process.env.HOST ?? '127.0.0.1',
);
console.log(
  `civic-ledger example service on ${service.url} (Open311: ${service.url}/services.json, ${service.url}/requests.json)`,
);
const stop = async () => {
  await service.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
