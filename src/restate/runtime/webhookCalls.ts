// The webhook adapter: calls a webhook point's URL with a JSON body and the
// call's idempotency key. The URL comes from the journey, so it is checked
// again here (http or https, no whitespace or control characters), and by
// default the call goes only to public addresses: a host that is, or
// resolves to, a loopback, private, link-local (169.254.169.254, the cloud
// metadata service), unique-local, carrier-grade NAT, multicast or
// unspecified address is refused unless it is allowed by name
// (`allowHosts`) or all of them are (`allowPrivateNetworks`). The address
// checked is the address connected to (the check is the connection's DNS
// lookup), so a name cannot resolve to a public address for the check and a
// private one for the call. Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { TerminalError } from '@restatedev/restate-sdk';
import type { WebhookIntent } from './contactMachine';

export interface WebhookCallOptions {
  /** Host names or addresses that may be called although they are not public (e.g. your CRM on the internal network). */
  allowHosts?: readonly string[];
  /** Call loopback, private and link-local addresses too (only where every journey author is trusted). */
  allowPrivateNetworks?: boolean;
  /** Extra request headers (e.g. an authorization header). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b:1::', 48],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is a public one (not loopback, private, link-local ...); IPv4-mapped and NAT64 IPv6 addresses are judged by their IPv4 address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (embedded) return isPublicAddress(embedded);
  if (/^(?:::ffff:|64:ff9b::)[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address)) {
    const [hi, lo] = address.split(':').slice(-2).map((h) => parseInt(h, 16)) as [number, number];
    return isPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** The URL of a webhook call, checked: http(s), no whitespace or control characters. */
function webhookUrl(text: string): URL {
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(text)) throw new TerminalError(`Webhook URL refused: it contains spaces or control characters: ${JSON.stringify(text)}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TerminalError(`Webhook URL refused: not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TerminalError(`Webhook URL refused: only http:// and https:// URLs are called, not ${url.protocol}`);
  if (url.username || url.password) throw new TerminalError('Webhook URL refused: credentials in the URL (give them as headers instead)');
  return url;
}

/**
 * A webhook adapter (ChannelAdapters.webhook) that POSTs (or PUTs) the call
 * as JSON to the point's URL with an `Idempotency-Key` header, to public
 * addresses only unless configured otherwise. A refused URL or a 4xx answer
 * (except 408 and 429) is a TerminalError: recorded as a failed delivery,
 * not retried; other failures are retried.
 */
export function callWebhooks(options: WebhookCallOptions = {}): (call: WebhookIntent) => Promise<void> {
  const allowed = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  const mayCall = (host: string, address: string) => options.allowPrivateNetworks === true || allowed.has(host) || allowed.has(address.toLowerCase()) || isPublicAddress(address);
  return async (call) => {
    const url = webhookUrl(call.url);
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (isIP(host) && !mayCall(host, host)) throw new TerminalError(`Webhook ${call.url} refused: ${host} is not a public address (allow it with allowHosts)`);
    let refused: string | undefined;
    const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
      dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const bad = addresses.find((a) => !mayCall(host, a.address));
        if (bad) {
          refused = `${hostname} resolves to ${bad.address}, which is not a public address (allow it with allowHosts)`;
          return callback(Object.assign(new Error(refused), { code: 'EACCES' }), '', 0);
        }
        if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const body = JSON.stringify({ contact: call.contact, point: call.point, entry: call.entry, version: call.version, at: new Date(call.at).toISOString(), idempotencyKey: call.idempotencyKey });
    const status = await new Promise<number>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: call.method,
          lookup: guardedLookup,
          headers: { ...options.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': call.idempotencyKey },
          timeout: options.timeoutMs ?? 10_000,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`webhook ${call.url} timed out`)));
      request.on('error', reject);
      request.end(body);
    }).catch((error: unknown) => {
      if (refused) throw new TerminalError(`Webhook ${call.url} refused: ${refused}`);
      throw error;
    });
    if (status >= 200 && status < 300) return;
    const message = `Webhook ${call.method} ${call.url} answered HTTP ${status}`;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) throw new TerminalError(message);
    throw new Error(message);
  };
}
