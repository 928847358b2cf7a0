import { createRequire } from 'node:module';

// The client's own generated protocol (CommonJS): the double speaks exactly what it sends.
const require = createRequire(import.meta.url);

export const streamsGrpc =
  require('@eventstore/db-client/generated/streams_grpc_pb.js') as typeof import('@eventstore/db-client/generated/streams_grpc_pb.js');
export const streamsPb =
  require('@eventstore/db-client/generated/streams_pb.js') as typeof import('@eventstore/db-client/generated/streams_pb.js');
export const sharedPb =
  require('@eventstore/db-client/generated/shared_pb.js') as typeof import('@eventstore/db-client/generated/shared_pb.js');
