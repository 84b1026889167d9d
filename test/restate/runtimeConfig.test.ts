// Specification of the runtime configuration settings that concern where the
// stats are read: the Restate admin API the stats and queue queries go
// through, and the former statsShards setting, which a config may still have.
// Plus what a stats query answers when the service cannot reach that admin
// API (served from this process, real restate-server).
import assert from 'node:assert/strict';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { registerDeployment } from '../../src/restate/adminClient';
import { IngressError, JourneyIngressClient } from '../../src/restate/ingressClient';
import { recordingChannels, type RunningJourneyService, serveJourneys } from '../../src/restate/runtime/index';
import { resolveRuntimeConfig } from '../../src/restate/runtime/runtimeConfig';
import { freePort } from './support/ports';
import { LocalRestateServer } from './support/restateServer';

describe('runtime configuration: reading the stats', () => {
  it('refuses a config that still sets statsShards, naming the setting and saying to remove it', () => {
    assert.throws(
      () => resolveRuntimeConfig({ settleMs: 500, statsShards: 16 }),
      (e: unknown) => e instanceof Error && /statsShards/.test(e.message) && /Remove it/.test(e.message),
    );
  });

  it('reads the stats through the admin API at http://127.0.0.1:9070 unless told otherwise', () => {
    assert.deepEqual(resolveRuntimeConfig({}).adminUrls, ['http://127.0.0.1:9070']);
  });

  it('takes the admin URLs from the config file, and RESTATE_ADMIN_URL (comma-separated) over it', () => {
    assert.deepEqual(resolveRuntimeConfig({ adminUrls: ['http://node-1:9070', 'http://node-2:9070'] }).adminUrls, ['http://node-1:9070', 'http://node-2:9070']);
    assert.deepEqual(resolveRuntimeConfig({ adminUrls: ['http://node-1:9070'] }, { RESTATE_ADMIN_URL: 'http://a:9070, http://b:9070' }).adminUrls, ['http://a:9070', 'http://b:9070']);
  });

  it('refuses admin URLs that are not http(s) URLs, saying which', () => {
    assert.throws(() => resolveRuntimeConfig({ adminUrls: ['ftp://node-1:9070'] }), /adminUrls/);
    assert.throws(() => resolveRuntimeConfig({ adminUrls: [] }), /adminUrls/);
    assert.throws(() => resolveRuntimeConfig({}, { RESTATE_ADMIN_URL: 'node-1:9070' }), /RESTATE_ADMIN_URL must be one or more http\(s\) URLs separated by commas, not "node-1:9070"/);
  });
});

describe('runtime configuration: a stats query when the admin API cannot be reached (real restate-server)', function () {
  this.timeout(120_000);
  const journey = Journey.parse({
    formatVersion: 1,
    id: 'stats-unreachable',
    name: 'Stats unreachable',
    kind: 'trigger',
    startingPoints: [{ id: 'sp', trigger: { type: 'api' }, next: 'p_end' }],
    points: [{ id: 'p_end', type: 'end' }],
  });
  let server: LocalRestateServer;
  let service: RunningJourneyService;
  let unreachable = '';

  before(async () => {
    server = await LocalRestateServer.start({ partitions: 1 });
    unreachable = `http://127.0.0.1:${await freePort()}`;
    service = await serveJourneys({ irs: [compileJourney(journey)], channels: recordingChannels(), config: resolveRuntimeConfig({ adminUrls: [unreachable] }), port: 0, unsignedRequests: true, logLevel: 'error' });
    await registerDeployment(server.adminUrl, `http://127.0.0.1:${service.port}`);
  });

  after(async () => {
    await service?.close();
    await server?.dispose();
  });

  it('answers HTTP 503 naming the admin URL it tried and the settings that change it, instead of retrying for ever', async () => {
    const client = new JourneyIngressClient(server.ingressUrl, journey.id);
    await assert.rejects(client.stats(), (e: unknown) => e instanceof IngressError && e.status === 503 && e.message.includes(unreachable) && /adminUrls/.test(e.message) && /RESTATE_ADMIN_URL/.test(e.message));
  });
});
