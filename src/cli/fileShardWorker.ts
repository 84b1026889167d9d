// The worker thread of a sharded file replay (shardedFileReplay.ts): reads
// the whole timeline file for its own shard (the contacts whose id hashes
// to it and their events), prepares the shard's replay and reports its first
// and last event, or declines (the one-thread path then reads the file);
// then replays its shard within the whole replay's bounds and sends back its
// counts and queues. Bundled beside the CLI as dist/fileShardWorker.js.
import { parentPort } from 'node:worker_threads';
import type { ReplayShard } from '../core/simulator/shardedReplay';
import { type FromFileShardWorker, readShard, type ToFileShardWorker } from './shardedFileReplay';

let shard: ReplayShard | undefined;
const port = parentPort;
if (!port) throw new Error('fileShardWorker runs as a worker thread of a sharded file replay');

port.on('message', (message: ToFileShardWorker) => {
  let reply: FromFileShardWorker;
  try {
    if (message.type === 'read') {
      const t0 = performance.now();
      const read = readShard(message.file, message.shard, message.journey, message.options, message.check);
      if (read.ok) {
        shard = read.replay;
        reply = { type: 'prepared', first: shard.prepared.firstEventTime, last: shard.prepared.lastEventTime, readMs: performance.now() - t0 };
      } else reply = { type: 'declined', reason: read.reason };
    } else {
      if (!shard) throw new Error('run before read');
      const t0 = performance.now();
      const result = shard.run(message.bounds);
      reply = { type: 'result', result, replayMs: performance.now() - t0 };
    }
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
