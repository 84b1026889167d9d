// The worker thread of a sharded replay (shardedReplay.ts): receives one
// shard of the timeline in columns (timelineShards.ts: typed arrays
// transferred, its contacts in columns), opens and prepares it and reports
// its first and last event, then replays it within the bounds of the whole
// replay and sends back its counts and queues. Bundled beside the CLI as dist/replayShardWorker.js.
import { answerShardMessages, epochNow, type FromShardWorker, ReplayShard, type ToShardWorker } from './shardedReplay';
import { openShard } from './timelineShards';

let shard: ReplayShard | undefined;

answerShardMessages<ToShardWorker, FromShardWorker>((message) => {
  if (message.type === 'prepare') {
    shard = new ReplayShard(message.journey, openShard(message.shard), message.options);
    return { type: 'prepared', first: shard.prepared.firstEventTime, last: shard.prepared.lastEventTime, readyAt: epochNow() };
  }
  if (!shard) throw new Error('run before prepare');
  const t0 = performance.now();
  const result = shard.run(message.bounds);
  return { type: 'result', result, replayMs: performance.now() - t0 };
});
