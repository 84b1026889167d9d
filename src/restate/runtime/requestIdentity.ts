// Restate request identity (v1): restate-server signs every request it sends
// to a service with an Ed25519 private key (its
// `worker.invoker.request-identity-private-key-pem-file`), and the service
// serves only requests signed by a key whose public half it was given
// (`identityKeys` of the SDK's endpoint). A public key is written
// `publickeyv1_` + the base58 (Bitcoin alphabet) of the raw 32-byte key, the
// form restate-server logs when it loads the private key. This module makes
// a key pair and reads the public keys a service was given.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const PUBLIC_KEY = /^publickeyv1_[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export interface RequestIdentity {
  /** PKCS#8 PEM of the Ed25519 private key, for restate-server. */
  privateKeyPem: string;
  /** `publickeyv1_...`, for the service. */
  publicKey: string;
}

function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('A Restate request identity key is an Ed25519 key.');
  return `publickeyv1_${base58(Buffer.from(jwk.x, 'base64url'))}`;
}

/** A new Ed25519 key pair: the private key for restate-server, the public key for the service. */
export function createRequestIdentity(): RequestIdentity {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: publicKeyText(publicKey) };
}

/** The `publickeyv1_...` form of the public half of a PEM private key. */
export function publicKeyOf(privateKeyPem: string): string {
  return publicKeyText(createPublicKey(privateKeyPem));
}

export function isIdentityPublicKey(text: string): boolean {
  return PUBLIC_KEY.test(text);
}

/**
 * The public keys a service accepts: JOURNEY_IDENTITY_KEYS (separated by
 * commas or spaces), else the lines of `file` if it exists (what
 * `npm run keys` writes in a generated project).
 */
export function identityKeysFromEnvironment(env: Record<string, string | undefined> = process.env, file?: string): string[] {
  const text = env.JOURNEY_IDENTITY_KEYS ?? (file !== undefined && existsSync(file) ? readFileSync(file, 'utf8') : '');
  const keys = text.split(/[\s,]+/).filter((k) => k.length > 0 && !k.startsWith('#'));
  for (const key of keys) if (!isIdentityPublicKey(key)) throw new Error(`"${key}" is not a Restate request identity public key (publickeyv1_ followed by the base58 key)${env.JOURNEY_IDENTITY_KEYS !== undefined ? ' in JOURNEY_IDENTITY_KEYS' : ` in ${file}`}.`);
  return keys;
}
