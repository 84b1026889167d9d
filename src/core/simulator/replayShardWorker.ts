// The worker thread of a sharded replay (shardedReplay.ts): receives one
// shard of the timeline in columns (timelineShards.ts: typed arrays
// transferred, its contacts in columns), opens and prepares it and reports
// its first and last event, then replays it within the bounds of the whole
// replay and sends back its counts and queues. Bundled beside the CLI as dist/replayShardWorker.js.
import { parentPort } from 'node:worker_threads';
import { epochNow, type FromShardWorker, ReplayShard, type ToShardWorker } from './shardedReplay';
import { openShard } from './timelineShards';

let shard: ReplayShard | undefined;
const port = parentPort;
if (!port) throw new Error('replayShardWorker runs as a worker thread of a sharded replay');

port.on('message', (message: ToShardWorker) => {
  let reply: FromShardWorker;
  try {
    if (message.type === 'prepare') {
      shard = new ReplayShard(message.journey, openShard(message.shard), message.options);
      reply = { type: 'prepared', first: shard.prepared.firstEventTime, last: shard.prepared.lastEventTime, readyAt: epochNow() };
    } else {
      if (!shard) throw new Error('run before prepare');
      const t0 = performance.now();
      const result = shard.run(message.bounds);
      reply = { type: 'result', result, replayMs: performance.now() - t0 };
    }
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
