// The worker thread of a sharded file replay (shardedFileReplay.ts): reads
// the whole timeline file for its own shard (the contacts whose id hashes
// to it and their events), prepares the shard's replay and reports its first
// and last event, or declines (the one-thread path then reads the file);
// then replays its shard within the whole replay's bounds and sends back its
// counts and queues. Bundled beside the CLI as dist/fileShardWorker.js.
import { answerShardMessages, type ReplayShard } from '../core/simulator/shardedReplay';
import { type FromFileShardWorker, readShard, type ToFileShardWorker } from './shardedFileReplay';

let shard: ReplayShard | undefined;

answerShardMessages<ToFileShardWorker, FromFileShardWorker>((message) => {
  if (message.type === 'read') {
    const t0 = performance.now();
    const read = readShard(message.file, message.shard, message.journey, message.options, message.check);
    if (!read.ok) return { type: 'declined', reason: read.reason };
    shard = read.replay;
    return { type: 'prepared', first: shard.prepared.firstEventTime, last: shard.prepared.lastEventTime, readMs: performance.now() - t0 };
  }
  if (!shard) throw new Error('run before read');
  const t0 = performance.now();
  const result = shard.run(message.bounds);
  return { type: 'result', result, replayMs: performance.now() - t0 };
});
