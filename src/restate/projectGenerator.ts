// Generates a deployable Restate service project for published journeys: a
// small TypeScript project (@restatedev/restate-sdk, which needs Node 22; the
// project brings Node 22 from the npm registry as a dependency, so `npm
// install` and `npm start` work with any Node on PATH) whose entry point
// serves the compiled journeys (every published version, so contacts already
// inside stay on theirs) through the journey runtime (readable, with its
// source map and declarations generated from our sources), with
// channel adapters the user edits, a runtime configuration, a Dockerfile and
// a README saying how to run, register and call it. The service serves only
// requests signed by restate-server (Restate request identity): `npm run
// keys` makes the key pair, restate-server gets the private key, the service
// the public one; it listens on 127.0.0.1 unless told otherwise. Pure:
// returns the files; the CLI and the VS Code command write them.
import { type JourneyIr, IR_VERSION } from '../core/compiler/irSchema';
import { irToJson } from '../core/compiler/compileJourney';
import { journeyIrJsonSchema } from '../core/compiler/irJsonSchema';
import { serviceNames } from './runtime/serviceNames';
import type { RuntimeFiles } from './runtimeBundleFile';
import type { Contact, ContactEvent } from '../core/timeline';
import { awaitedEvent, shapeContactToFilter, triggerEvent } from '../core/timelineGenerator';

export interface GeneratedFile {
  /** Path inside the project, with forward slashes. */
  path: string;
  content: string;
  /** Files the user owns once generated (channel adapters, runtime config): not overwritten by a later publish. */
  userOwned?: boolean;
}

export interface ProjectInput {
  /** Every published version of every journey the project serves. */
  irs: readonly JourneyIr[];
  /** The journey runtime as built (dist/restate/journey-runtime.mjs, its map and declarations). */
  runtime: RuntimeFiles;
  /** The @restatedev/restate-sdk version range the project depends on. */
  sdkVersion?: string;
}

export const RESTATE_SDK_RANGE = '~1.17.2';
/** The Node the project's scripts run on, from the npm registry: the SDK needs 22 (Promise.withResolvers), TypeScript runs as is from 22.18. */
export const NODE_RANGE = '^22.18.0';
/** zod's types appear in the runtime's declarations (its configuration schema and the journey's filters). */
export const ZOD_RANGE = '^4.6.7';

/** Where `npm run keys` writes the request identity key pair, in the project. */
export const IDENTITY_DIR = 'restate';
export const IDENTITY_PRIVATE_FILE = 'request-identity.pem';
export const IDENTITY_PUBLIC_FILE = 'request-identity.pub';
/** The restate-server setting (as an environment variable) that makes it sign its requests with the private key. */
export const IDENTITY_SERVER_ENV = 'RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE';

export function irFileName(ir: JourneyIr): string {
  return `${ir.journey.id}.v${ir.journey.version}.ir.json`;
}

export function restateProjectFiles(input: ProjectInput): GeneratedFile[] {
  if (input.irs.length === 0) throw new Error('A Restate project needs at least one compiled journey.');
  const journeys = groupByJourney(input.irs);
  const first = journeys[0]!;
  const projectName = journeys.length === 1 ? `journey-${first.id}-service` : 'journeys-service';
  return [
    { path: 'package.json', content: packageJson(projectName, journeys, input.sdkVersion ?? RESTATE_SDK_RANGE) },
    { path: 'tsconfig.json', content: TSCONFIG },
    { path: 'src/main.ts', content: MAIN_TS },
    { path: 'src/register.ts', content: REGISTER_TS },
    { path: 'src/keys.ts', content: KEYS_TS },
    { path: 'src/channels.ts', content: CHANNELS_TS, userOwned: true },
    { path: 'journey-runtime.config.json', content: runtimeConfig(journeys), userOwned: true },
    { path: 'runtime/journey-runtime.mjs', content: input.runtime.code },
    { path: 'runtime/journey-runtime.mjs.map', content: input.runtime.sourceMap },
    { path: 'runtime/journey-runtime.d.mts', content: input.runtime.declarations },
    { path: 'journey-ir.schema.json', content: JSON.stringify(journeyIrJsonSchema(), null, 2) + '\n' },
    ...input.irs.map((ir) => ({ path: `journeys/${irFileName(ir)}`, content: irToJson({ $schema: '../journey-ir.schema.json', ...ir }) })),
    { path: 'Dockerfile', content: DOCKERFILE },
    { path: '.dockerignore', content: `node_modules\n${IDENTITY_DIR}/*.pem\n` },
    { path: '.gitignore', content: `node_modules\n${IDENTITY_DIR}/*.pem\n` },
    { path: 'README.md', content: readme(projectName, journeys) },
  ];
}

interface JourneyGroup {
  id: string;
  name: string;
  versions: number[];
  live: JourneyIr;
}

function groupByJourney(irs: readonly JourneyIr[]): JourneyGroup[] {
  const map = new Map<string, JourneyIr[]>();
  for (const ir of irs) {
    if (ir.irVersion !== IR_VERSION) throw new Error(`IR of "${ir.journey.id}" has version ${ir.irVersion}; this generator writes version ${IR_VERSION}.`);
    map.set(ir.journey.id, [...(map.get(ir.journey.id) ?? []), ir]);
  }
  return [...map.entries()].map(([id, list]) => {
    const sorted = [...list].sort((a, b) => a.journey.version - b.journey.version);
    const live = sorted[sorted.length - 1]!;
    return { id, name: live.journey.name, versions: sorted.map((v) => v.journey.version), live };
  });
}

function packageJson(name: string, journeys: JourneyGroup[], sdk: string): string {
  return (
    JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        description: `Restate service running ${journeys.map((j) => `"${j.name}" (v${j.versions.join(', v')})`).join(', ')}; generated by Journey Designer.`,
        type: 'module',
        // npm runs on the Node on PATH (20 or later); the scripts run on the Node 22
        // of the "node" package (npm puts node_modules/.bin first on a script's PATH),
        // which runs TypeScript as it is (22.18+) and is what the Restate SDK needs.
        engines: { node: '>=20' },
        scripts: {
          start: 'node --enable-source-maps src/main.ts',
          register: 'node src/register.ts',
          keys: 'node src/keys.ts',
          typecheck: 'tsc --noEmit -p .',
        },
        dependencies: { '@restatedev/restate-sdk': sdk },
        devDependencies: { node: NODE_RANGE, typescript: '^5.9.3', '@types/node': '^22.18.0', zod: ZOD_RANGE },
      },
      null,
      2,
    ) + '\n'
  );
}

function runtimeConfig(journeys: JourneyGroup[]): string {
  return (
    JSON.stringify(
      {
        settleMs: 500,
        adminUrls: ['http://127.0.0.1:9070'],
        allowRehearsal: true,
        defaults: {},
        journeys: Object.fromEntries(journeys.map((j) => [j.id, {}])),
      },
      null,
      2,
    ) + '\n'
  );
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "allowImportingTsExtensions": true,
    "erasableSyntaxOnly": true,
    "verbatimModuleSyntax": true,
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "types": ["node"]
  },
  "include": ["src"]
}
`;

const MAIN_TS = `// Serves the compiled journeys in ../journeys as Restate services.
// Generated by Journey Designer: edit src/channels.ts and
// journey-runtime.config.json, not this file.
import { fileURLToPath } from 'node:url';
import { configFromEnvironment, identityKeysFromEnvironment, readIrDirectory, serveJourneys } from '../runtime/journey-runtime.mjs';
import { channels } from './channels.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config = configFromEnvironment({ JOURNEY_RUNTIME_CONFIG: here('../journey-runtime.config.json'), ...process.env });
const service = await serveJourneys({
  irs: readIrDirectory(here('../journeys/')),
  channels,
  config,
  port: Number(process.env.PORT ?? 9080),
  host: process.env.HOST ?? '127.0.0.1',
  // Only requests signed by your restate-server are served: its public key comes from
  // JOURNEY_IDENTITY_KEYS or ${IDENTITY_DIR}/${IDENTITY_PUBLIC_FILE} (npm run keys).
  identityKeys: identityKeysFromEnvironment(process.env, here('../${IDENTITY_DIR}/${IDENTITY_PUBLIC_FILE}')),
  unsignedRequests: process.env.JOURNEY_UNSIGNED_REQUESTS === 'true',
});
for (const j of service.journeys) console.log(\`journey \${j.id} (versions \${j.versions.join(', ')}): \${j.services.join(', ')}\`);
console.log(\`journey service listening on port \${service.port} (Node \${process.version})\`);

const stop = () => void service.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
`;

const REGISTER_TS = `// Registers this service with a Restate server:
//   npm run register -- [ADMIN_URL] [SERVICE_URL] [--force]
// (defaults http://127.0.0.1:9070 and http://127.0.0.1:$PORT). Registering a
// URL again is fine while it offers the same services; when they changed,
// Restate refuses (409) unless --force is given, which replaces the deployment
// at that URL in place (Restate's "force"): explicit, never by accident.
const args = process.argv.slice(2);
const force = args.includes('--force');
const [adminArg, uriArg] = args.filter((a) => a !== '--force');
const admin = adminArg ?? process.env.RESTATE_ADMIN_URL ?? 'http://127.0.0.1:9070';
const uri = uriArg ?? \`http://127.0.0.1:\${process.env.PORT ?? 9080}\`;
const response = await fetch(new URL('/deployments', admin), {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ uri, force }),
});
const text = await response.text();
if (!response.ok) {
  console.error(\`Registering \${uri} with \${admin} failed: HTTP \${response.status} \${text}\`);
  if (response.status === 409 && !force) {
    console.error('This URL is registered already. To replace that deployment (after publishing a new version), run:');
    console.error(\`  npm run register -- \${admin} \${uri} --force\`);
  }
  if (/\\b401\\b|unauthori[sz]ed|identity|signature/i.test(text)) {
    console.error('The service refused restate-server\\'s requests: restate-server must sign them with the private key of npm run keys:');
    console.error('  RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE=${IDENTITY_DIR}/${IDENTITY_PRIVATE_FILE} npx --yes @restatedev/restate-server@1.7');
  }
  process.exit(1);
}
const body = JSON.parse(text) as { id: string; services: { name: string }[] };
console.log(\`Registered \${uri} as deployment \${body.id}: \${body.services.map((s) => s.name).join(', ')}\`);
`;

const KEYS_TS = `// Makes the Restate request identity of this service, once: npm run keys.
// restate-server signs every request it sends with the private key
// (${IDENTITY_DIR}/${IDENTITY_PRIVATE_FILE}, never copied into the image or committed);
// the service serves only requests signed with it, by its public key
// (${IDENTITY_DIR}/${IDENTITY_PUBLIC_FILE}, or JOURNEY_IDENTITY_KEYS).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequestIdentity } from '../runtime/journey-runtime.mjs';

const dir = fileURLToPath(new URL('../${IDENTITY_DIR}/', import.meta.url));
const privateFile = dir + '${IDENTITY_PRIVATE_FILE}';
const publicFile = dir + '${IDENTITY_PUBLIC_FILE}';
if (existsSync(privateFile) && existsSync(publicFile)) {
  console.log(\`Request identity already made: \${readFileSync(publicFile, 'utf8').trim()}\`);
} else {
  const identity = createRequestIdentity();
  mkdirSync(dir, { recursive: true });
  writeFileSync(privateFile, identity.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicFile, identity.publicKey + '\\n');
  console.log(\`Request identity made: \${identity.publicKey}\`);
}
console.log('Start restate-server with the private key, e.g.:');
console.log(\`  ${IDENTITY_SERVER_ENV}=\${privateFile} npx --yes @restatedev/restate-server@1.7\`);
`;

const CHANNELS_TS = `// How this journey's messages are delivered: one adapter per channel.
// Replace the logging adapter with your providers (email: SES, SendGrid,
// Postmark...; SMS: Twilio, Vonage...). Each call gets an idempotency key
// that is the same on every retry: pass it to the provider so a message is
// delivered at most once. Throw to have Restate retry the send.
//
// Webhook points are logged, not called, until you enable callWebhooks: it
// calls each point's URL (http/https only) with the idempotency key, and only
// public addresses: loopback, private and link-local ones (169.254.169.254,
// the cloud metadata service) are refused unless listed in allowHosts.
//
// Setting JOURNEY_CHANNEL_URL sends every message as JSON to that URL instead
// (a webhook gateway, or a test recorder).
import { callWebhooks, httpChannels, loggingChannels, type ChannelAdapters } from '../runtime/journey-runtime.mjs';

export const channels: ChannelAdapters = process.env.JOURNEY_CHANNEL_URL
  ? httpChannels(process.env.JOURNEY_CHANNEL_URL)
  : {
      ...loggingChannels(),
      // async email(message) { await myEmailProvider.send({ to: message.to, template: message.content, idempotencyKey: message.idempotencyKey }); },
      // async sms(message) { await mySmsProvider.send({ to: message.to, template: message.content, idempotencyKey: message.idempotencyKey }); },
      // webhook: callWebhooks({ allowHosts: [] }), // e.g. allowHosts: ['crm.internal.example'] for a host on your own network
    };
`;

// No HOST here: the service listens on 127.0.0.1 unless HOST is given at run time
// (docker run -e HOST=0.0.0.0, see the README); the private key never enters the image.
const DOCKERFILE = `FROM node:22-slim
WORKDIR /app
COPY package.json ./
RUN npm install --omit=dev
COPY . .
ENV PORT=9080
EXPOSE 9080
CMD ["node", "--enable-source-maps", "src/main.ts"]
`;

const EXAMPLE_CONTACT = 'c_42';
const EXAMPLE_AT = '2026-01-01T00:00:00Z';

/** Text as one shell word in single quotes. */
function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An event as the ingress takes it: the timeline's event without contact and instant. */
function ingressBody(event: ContactEvent): string {
  const { at: _at, contact: _contact, ...body } = event;
  return JSON.stringify(body);
}

/**
 * curl calls for the README made from the journey itself: a profile that
 * meets the first starting point's filter, an event for each starting point
 * an event fires, and the event each wait-for-event point waits for.
 */
export function contactExamples(ir: JourneyIr, contactService: string): string {
  const lists = [...new Set(ir.points.flatMap((p) => ((p.type === 'sendEmail' || p.type === 'sendSms') && p.list !== undefined ? [p.list] : [])))];
  const contact: Contact = { id: EXAMPLE_CONTACT, email: 'ona@example.com', ...(lists.length > 0 ? { lists: Object.fromEntries(lists.map((l) => [l, 'subscribed' as const])) } : {}) };
  if (ir.points.some((p) => p.type === 'sendSms')) Object.assign(contact, { phone: '+15550100042', smsConsent: true });
  const filter = ir.startingPoints[0]?.filter;
  if (filter) shapeContactToFilter(filter, contact, true);
  const { id: _id, ...profile } = contact;
  const base = `localhost:8080/${contactService}/${EXAMPLE_CONTACT}`;
  const lines = [
    '# the contact\'s profile (data only; triggers nothing)',
    `curl -X POST ${base}/upsert -H 'content-type: application/json' \\`,
    `  -d ${shellQuoted(JSON.stringify(profile))}`,
  ];
  const seen = new Set<string>();
  const events: { why: string; body: string }[] = [];
  const add = (why: string, event: ContactEvent | undefined) => {
    if (!event) return;
    const body = ingressBody(event);
    if (seen.has(body)) return;
    seen.add(body);
    events.push({ why, body });
  };
  for (const sp of ir.startingPoints) {
    if (sp.trigger.type === 'dateField') lines.push(`# starting point ${sp.id} enters contacts by their "${sp.trigger.field}" field: upsert it, no event needed`);
    else add(`enters the journey at starting point ${sp.id}`, triggerEvent(sp.trigger, EXAMPLE_CONTACT, EXAMPLE_AT, sp));
  }
  const contentOf = (pointId: string) => {
    const p = ir.points.find((q) => q.id === pointId);
    return p && (p.type === 'sendEmail' || p.type === 'sendSms') ? p.content : undefined;
  };
  for (const p of ir.points) if (p.type === 'waitForEvent') add(`what point ${p.id} waits for`, awaitedEvent(p.event, EXAMPLE_CONTACT, EXAMPLE_AT, contentOf));
  events.forEach((e, i) => {
    lines.push(
      `# ${e.why} ("at" is optional and defaults to now)`,
      `curl -X POST ${base}/event/send -H 'content-type: application/json' \\`,
      `  -H 'idempotency-key: evt-${String(i + 1).padStart(4, '0')}' -d ${shellQuoted(e.body)}`,
    );
  });
  return lines.join('\n');
}

/**
 * A journey's name as inline Markdown text: Markdown punctuation is escaped,
 * and control characters (a line break, ESC, C1) are written as \uXXXX, so a
 * name can neither format nor break out of its line of the README.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function readme(projectName: string, journeys: JourneyGroup[]): string {
  const j = journeys[0]!;
  const names = serviceNames(j.id);
  const firstPoint = j.live.points.find((p) => p.type === 'wait' || p.type === 'waitForEvent' || p.type === 'waitUntil')?.id ?? j.live.points[0]?.id ?? 'POINT';
  const journeyList = journeys.map((g) => `- **${markdownText(g.name)}** (\`${g.id}\`), versions ${g.versions.join(', ')} (live: ${g.live.journey.version}): services \`${Object.values(serviceNames(g.id)).join('`, `')}\``).join('\n');
  return `# ${projectName}

A [Restate](https://restate.dev) service that runs published journeys, generated
by Journey Designer. It behaves exactly like the Journey Designer simulator:
the same entries, paths, sends, suppressions and waits.

${journeyList}

## Run it

Any Node from 20 on runs \`npm\`; the scripts run on the Node 22 that \`npm
install\` brings from the npm registry (the \`node\` package): the Restate SDK
needs Node 22, and Node 22.18+ runs the TypeScript in \`src/\` as it is.

\`\`\`sh
npm install
npm run keys                          # once: the request identity key pair in ${IDENTITY_DIR}/
${IDENTITY_SERVER_ENV}=${IDENTITY_DIR}/${IDENTITY_PRIVATE_FILE} npx --yes @restatedev/restate-server@1.7
npm start                             # serves on 127.0.0.1:9080 (PORT, HOST)
npm run register                      # POST /deployments to http://127.0.0.1:9070
\`\`\`

Registering the same URL again (after deploying a new published version) is
accepted while the services it offers are the same. If Restate refuses it
(HTTP 409: the URL is registered with other services, e.g. a journey was added
or removed), \`npm run register -- --force\` replaces that deployment in place
(Restate's \`force\`; invocations in flight on the old one may fail), and only
then: forcing is never the default.

The service serves only requests that restate-server signs with its request
identity key (Restate's request identity, v1): \`npm run keys\` writes the
private key \`${IDENTITY_DIR}/${IDENTITY_PRIVATE_FILE}\` for restate-server (its setting
\`worker.invoker.request-identity-private-key-pem-file\`, here given as the
environment variable above; keep the file secret: it is in \`.gitignore\` and
\`.dockerignore\`) and the public key \`${IDENTITY_DIR}/${IDENTITY_PUBLIC_FILE}\` the service
reads at start (or set \`JOURNEY_IDENTITY_KEYS\` to the \`publickeyv1_...\` key(s)
your cluster logs). Without a key the service does not start; an unsigned
request is refused with HTTP 401. \`JOURNEY_UNSIGNED_REQUESTS=true\` turns the check
off for a local trial only.

With Docker (run \`npm run keys\` first; the public key goes into the image, the private key does not):

\`\`\`sh
docker build -t ${projectName} .
docker run -e HOST=0.0.0.0 -p 127.0.0.1:9080:9080 ${projectName}
\`\`\`

Inside the container the service must listen on all its interfaces
(\`HOST=0.0.0.0\`); \`-p 127.0.0.1:9080:9080\` publishes the port on the host's
loopback only. Publish it wider only on a network your restate-server needs to
reach it from, then register \`http://<host>:9080\` with your Restate admin API.

## Send contact events

Each contact is a virtual object; events for one contact are handled in order.
These examples are this journey's own: the profile meets the first starting
point's filter, and each event starts the journey or is what one of its
points waits for.

\`\`\`sh
${contactExamples(j.live, names.contact)}
\`\`\`

Event types are the timeline's: audienceJoined, tagAdded, tagRemoved,
fieldChanged, emailOpened, emailClicked, formSubmitted, purchase, customEvent,
campaignActivity, unsubscribed, subscribed, segmentJoined, segmentLeft,
apiEntry.

## Ask where contacts are

\`\`\`sh
curl -X POST localhost:8080/${names.api}/stats -H 'content-type: application/json' -d '{}'
curl -X POST localhost:8080/${names.api}/queue -H 'content-type: application/json' -d '{"point":"${firstPoint}"}'
curl -X POST localhost:8080/${names.api}/contact -H 'content-type: application/json' -d '{"contact":"c_42"}'
\`\`\`

## Rehearse it against the simulator

With the service started (\`npm start\`) and registered, Journey Designer
replays a timeline through it and compares what it did with its simulator,
contact by contact. From the folder of the journey file (\`journey\` is
Journey Designer's command line; the published source is also kept in
\`published/${j.id}/\`):

\`\`\`sh
journey rehearse ${j.id}.journey.json --timeline ${j.id}.timeline.json --ingress http://127.0.0.1:8080
\`\`\`

(or **Journey: Rehearse Against Running Service…** in VS Code). The
rehearsal calls the \`rehearsal\` handler of \`${names.api}\`, which makes
this process run the journey on the rehearsal's time scale (by default the
timeline replays in about 20 s; \`--day-ms\` sets how long a journey day
lasts), from an epoch a few seconds ahead, with the timeline's live window
and split seed, until the process restarts: no configuration to edit. It then imports the
timeline's profiles, sends each contact's events at their scaled instants
(one contact's in order, contacts in parallel), waits until the journey has
settled, and reads the live stats, queues and traces. Contacts are named
\`<run>.<contact>\` (e.g. \`r1k2j3.c01\`), so rehearsals can follow each other
on the same service; stats are compared as what the run added. It exits 1
and lists every difference when the service did not do what the simulator
does.

A rehearsal needs one service process (the time scale lives in its memory)
and \`allowRehearsal\` in journey-runtime.config.json (\`true\` as
generated). **Set it to \`false\` for a service that runs real contacts**: a
rehearsal changes the time scale of every contact of the journey.

## How it runs

- \`${names.contact}\` (virtual object per contact) holds the contact's data and
  place, decides every step and makes the sends through \`src/channels.ts\`.
  Its timers (the end of a wait, a birthday tick, a segment run) are delayed
  calls it sends itself; a wait's wake-up that comes after the contact moved
  on is ignored.
- \`${names.stay}\` (workflow per journey version, contact and entry) only
  finishes the stays an earlier runtime began with one workflow per stay: it
  still wakes those contacts, which then hand their timers over to their own
  wake-ups. Nothing starts one any more.
- Each contact also keeps its own stats (counters and where it waits) in its
  object, written in the same step; \`${names.stats}\` sums them when asked,
  reading them through the Restate admin API's SQL introspection
  (\`adminUrls\` below).
- \`${names.api}\` answers stats, queue and contact queries.

## Configuration (journey-runtime.config.json, environment)

- \`settleMs\`: how long a timer waits after its instant so that events of the
  same instant are handled first (default 500 ms).
- \`adminUrls\`: the Restate admin API (any node's; several are tried in order)
  through which the stats and queue queries read the stats the contacts keep
  (default \`RESTATE_ADMIN_URL\`, else http://127.0.0.1:9070). The service must
  reach it; without it those queries answer HTTP 503 saying so.
- \`journeys.<id>.dayMs\` with \`epoch\`: run journey time faster than real time
  (tests, demos): one journey day lasts \`dayMs\` milliseconds.
- \`journeys.<id>.activeFrom\` / \`activeUntil\`: the window in which the journey
  is live (default: from its publication, no end).
- \`journeys.<id>.splitSeed\`: the seed of percentage splits.
- \`allowRehearsal\`: let \`journey rehearse\` set the time scale (above);
  \`false\` in production.
- Environment: \`PORT\`, \`HOST\` (default 127.0.0.1), \`JOURNEY_IDENTITY_KEYS\`,
  \`JOURNEY_UNSIGNED_REQUESTS\`, \`JOURNEY_CHANNEL_URL\`, \`JOURNEY_DAY_MS\`,
  \`JOURNEY_EPOCH\`, \`JOURNEY_SETTLE_MS\`, \`RESTATE_ADMIN_URL\` (comma-separated),
  \`RESTATE_LOGGING\`.

## New versions

A published journey version is frozen. Publishing a new version adds its
compiled file to \`journeys/\`; keep the old ones: contacts already inside stay on
their version while new contacts enter the newest. Re-register the deployment
(\`npm run register\`) after deploying.
`;
}
