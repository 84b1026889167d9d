// Specification of who may call a generated journey service: only a
// restate-server that signs its requests with the project's request identity
// (Restate request identity v1, made by the project's own `npm run keys`).
// A signed path works end to end (register, event, delivery); a
// restate-server without the key cannot even register the service, and an
// unsigned request straight to the service port is refused with 401. Without
// a key the service does not start at all, and it listens on 127.0.0.1 by
// default (Dockerfile and README included).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { registerDeployment, RestateAdminError } from '../../src/restate/adminClient';
import { JourneyIngressClient } from '../../src/restate/ingressClient';
import { restateProjectFiles } from '../../src/restate/projectGenerator';
import { createRequestIdentity, identityKeysFromEnvironment } from '../../src/restate/runtime/index';
import { publicKeyOf } from '../../src/restate/runtime/requestIdentity';
import { TestDeployment } from './support/deployment';
import { LocalRestateServer } from './support/restateServer';
import { PLACEHOLDER_RUNTIME, runtimeBundle } from './support/runtimeBundle';
import { node22, writeProject } from './support/serviceProcess';

const T = Date.parse('2026-06-01T09:00:00Z');
const DAY = 86_400_000;

const journey = Journey.parse({
  formatVersion: 1,
  id: 'signed-welcome',
  name: 'Signed welcome',
  kind: 'trigger',
  content: [{ id: 'hello', channel: 'email', status: 'ready', transactional: true }],
  startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 'new' }, next: 'p_hello' }],
  points: [
    { id: 'p_hello', type: 'sendEmail', content: 'hello', next: 'p_end' },
    { id: 'p_end', type: 'end' },
  ],
});

/** The HTTP status the service answers a request without a signature with (HTTP/2, as restate-server speaks to it). */
function unsignedStatus(url: string, method: 'GET' | 'POST', path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url);
    session.on('error', reject);
    const req = session.request({ ':method': method, ':path': path, accept: 'application/vnd.restate.endpointmanifest.v3+json', 'content-type': 'application/vnd.restate.invocation.v5' });
    req.on('response', (headers) => {
      resolve(Number(headers[':status']));
      req.close();
      session.close();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the generated service serves only requests signed by its restate-server (request identity)', function () {
  this.timeout(180_000);
  let deployment: TestDeployment | undefined;

  before(async () => {
    deployment = await TestDeployment.start({ irs: [compileJourney(journey)], settings: () => ({ [journey.id]: { activeFrom: T - DAY } }), partitions: 2 });
  });

  after(async () => {
    await deployment?.close();
  });

  it('a key pair from createRequestIdentity: the public key is publickeyv1_ + base58 of the Ed25519 key, derivable from the private key', () => {
    const identity = createRequestIdentity();
    assert.match(identity.publicKey, /^publickeyv1_[1-9A-HJ-NP-Za-km-z]{43,44}$/);
    assert.equal(publicKeyOf(identity.privateKeyPem), identity.publicKey);
    assert.notEqual(createRequestIdentity().publicKey, identity.publicKey);
    assert.deepEqual(identityKeysFromEnvironment({ JOURNEY_IDENTITY_KEYS: `${identity.publicKey}, ${identity.publicKey}` }), [identity.publicKey, identity.publicKey]);
    assert.throws(() => identityKeysFromEnvironment({ JOURNEY_IDENTITY_KEYS: 'not-a-key' }), /not-a-key.*JOURNEY_IDENTITY_KEYS/);
  });

  it('signed path end to end: restate-server with the project\'s private key registers the service, an event runs, the email is delivered', async () => {
    assert.ok(deployment!.registered.services.some((s) => s.name === `journey.${journey.id}.Contact`));
    const client = new JourneyIngressClient(deployment!.server.ingressUrl, journey.id);
    await client.upsert('ana', { email: 'ana@example.com', at: new Date(T - 1).toISOString() });
    await client.event('ana', { type: 'tagAdded', tag: 'new', at: new Date(T).toISOString() });
    assert.equal((await client.contact('ana')).status, 'completed');
    assert.deepEqual(deployment!.recorder.messagesOf(journey.id).map((m) => `${m.content} ${m.to}`), ['hello ana@example.com']);
  });

  it('an unsigned request straight to the service is refused with 401', async () => {
    assert.equal(await unsignedStatus(deployment!.service.url, 'GET', '/discover'), 401);
    assert.equal(await unsignedStatus(deployment!.service.url, 'POST', `/invoke/journey.${journey.id}.Contact/event`), 401);
  });

  it('a restate-server without the private key cannot register the service (its discovery request is refused)', async () => {
    const stranger = await LocalRestateServer.start({ partitions: 1 });
    try {
      await assert.rejects(registerDeployment(stranger.adminUrl, deployment!.service.url), (e: unknown) => e instanceof RestateAdminError && /401|nauthori/i.test(e.message));
    } finally {
      await stranger.dispose();
    }
  });
});

describe('the generated service without a request identity key', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-unkeyed-'));
    writeProject(dir, restateProjectFiles({ irs: [compileJourney(journey)], runtime: await runtimeBundle() }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('does not start, and says to run npm run keys', () => {
    const r = spawnSync(node22(), ['src/main.ts'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', PORT: '0' }, timeout: 30_000 });
    assert.notEqual(r.status, 0, r.stdout);
    assert.match(r.stderr, /npm run keys/);
  });

  it('listens on 127.0.0.1 unless HOST is given: the Dockerfile sets no HOST, the README publishes the port on loopback only', () => {
    const files = restateProjectFiles({ irs: [compileJourney(journey)], runtime: PLACEHOLDER_RUNTIME });
    const file = (path: string) => files.find((f) => f.path === path)!.content;
    assert.doesNotMatch(file('Dockerfile'), /HOST=/);
    assert.match(file('src/main.ts'), /host: process\.env\.HOST \?\? '127\.0\.0\.1'/);
    assert.match(file('README.md'), /docker run -e HOST=0\.0\.0\.0 -p 127\.0\.0\.1:9080:9080/);
    assert.doesNotMatch(file('README.md'), /-p 9080:9080/);
    assert.match(file('.dockerignore'), /restate\/\*\.pem/);
    assert.match(file('.gitignore'), /restate\/\*\.pem/);
  });
});
