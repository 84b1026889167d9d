// Specification of the webhook adapter a generated project documents
// (callWebhooks): it calls a webhook point's URL with the call's idempotency
// key, only over http(s), and only public addresses unless configured
// otherwise: loopback, private and link-local addresses (169.254.169.254, the
// cloud metadata service), given as an address or reached through a name,
// are refused with a TerminalError (a failed delivery, not retried) before
// anything is sent. Checked against a real HTTP server on 127.0.0.1 (the
// tests' recording provider). Also: the documented adapters pass the
// idempotency key, the SMS one included.
import { PLACEHOLDER_RUNTIME } from './support/runtimeBundle';
import assert from 'node:assert/strict';
import { TerminalError } from '@restatedev/restate-sdk';
import { compileJourney } from '../../src/core/compiler/compileJourney';
import { Journey } from '../../src/core/schema';
import { restateProjectFiles } from '../../src/restate/projectGenerator';
import { callWebhooks, isPublicAddress, type WebhookCall } from '../../src/restate/runtime/index';
import { RecordingServer } from './support/recordingServer';

const call = (url: string, key: string): WebhookCall => ({ url, method: 'POST', contact: 'ana', point: 'p_hook', entry: 1, version: 1, at: Date.parse('2026-06-01T09:00:00Z'), idempotencyKey: key });
const refused = (pattern: RegExp) => (e: unknown) => e instanceof TerminalError && pattern.test(e.message);

describe('webhook adapter (callWebhooks)', () => {
  let recorder: RecordingServer;

  before(async () => {
    recorder = await RecordingServer.start();
  });

  after(async () => {
    await recorder.close();
  });

  it('tells public addresses from loopback, private, link-local, unique-local, CGNAT, multicast and unspecified ones (IPv4-mapped IPv6 judged by its IPv4)', () => {
    const notPublic = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', 'not-an-address'];
    const publicOnes = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
    assert.deepEqual(notPublic.filter(isPublicAddress), []);
    assert.deepEqual(publicOnes.filter((a) => !isPublicAddress(a)), []);
  });

  it('refuses the metadata service, loopback by address and by name, and non-http(s) or control-character URLs, sending nothing', async () => {
    const webhook = callWebhooks();
    await assert.rejects(webhook(call('http://169.254.169.254/latest/meta-data/', 'k-meta')), refused(/169\.254\.169\.254 is not a public address/));
    await assert.rejects(webhook(call('http://[::ffff:169.254.169.254]/', 'k-meta6')), refused(/not a public address/));
    await assert.rejects(webhook(call(recorder.url, 'k-loopback')), refused(/127\.0\.0\.1 is not a public address/));
    await assert.rejects(webhook(call(recorder.url.replace('127.0.0.1', 'localhost'), 'k-localhost')), refused(/localhost resolves to .* not a public address/));
    await assert.rejects(webhook(call('javascript:alert(1)', 'k-js')), refused(/only http:\/\/ and https:\/\//));
    await assert.rejects(webhook(call('file:///etc/passwd', 'k-file')), refused(/only http:\/\/ and https:\/\//));
    await assert.rejects(webhook(call(`${recorder.url}\nX-Injected: 1`, 'k-newline')), refused(/control characters/));
    assert.equal(recorder.attempts.size, 0, 'no request reached the server');
  });

  it('calls a host allowed by name or address, once per call, with the idempotency key as a header', async () => {
    await callWebhooks({ allowHosts: ['127.0.0.1'] })(call(recorder.url, 'k-allowed'));
    await callWebhooks({ allowHosts: ['localhost'] })(call(recorder.url.replace('127.0.0.1', 'localhost'), 'k-allowed-name'));
    await callWebhooks({ allowPrivateNetworks: true })(call(recorder.url, 'k-private-ok'));
    assert.deepEqual([...recorder.attempts.entries()], [['k-allowed', 1], ['k-allowed-name', 1], ['k-private-ok', 1]]);
    assert.deepEqual(recorder.delivered.map((d) => `${d.contact} ${d.point} ${d.idempotencyKey}`), ['ana p_hook k-allowed', 'ana p_hook k-allowed-name', 'ana p_hook k-private-ok']);
  });

  it('the generated channels.ts documents adapters that pass the idempotency key (email and SMS) and the guarded webhook adapter', () => {
    const journey = Journey.parse({ formatVersion: 1, id: 'j', name: 'J', kind: 'trigger', startingPoints: [{ id: 'sp', trigger: { type: 'tagAdded', tag: 't' }, next: 'p_end' }], points: [{ id: 'p_end', type: 'end' }] });
    const channels = restateProjectFiles({ irs: [compileJourney(journey)], runtime: PLACEHOLDER_RUNTIME }).find((f) => f.path === 'src/channels.ts')!.content;
    const example = (name: string) => channels.split('\n').find((l) => l.trim().startsWith(`// async ${name}(`)) ?? '';
    assert.match(example('email'), /idempotencyKey: message\.idempotencyKey/);
    assert.match(example('sms'), /idempotencyKey: message\.idempotencyKey/);
    assert.match(channels, /\/\/ webhook: callWebhooks\(\{ allowHosts: \[\] \}\)/);
    assert.match(channels, /import \{ callWebhooks,/);
  });
});
