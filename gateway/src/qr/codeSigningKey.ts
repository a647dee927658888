import crypto from 'node:crypto';
import { exportJWK } from 'jose';
import { KeyJobs, publishedKey, type PublishedKey } from '../keyJobs';

/**
 * A trace-code signing key (ES256), separate from the token key so either can be rotated alone. The
 * gateway keeps several (see codeKeyring.ts): one signs new codes, earlier ones still verify theirs.
 */
export interface CodeSigningKey {
  kid: string;
  privateKey: crypto.KeyObject;
  /** Published as a trace-code key (`traceledger_use: "trace-code"`). */
  publicJwk: PublishedKey;
}

export function generateCodePrivateKey(): crypto.KeyObject {
  return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

/**
 * The key with its id and public half. The kid is derived from the public point, never stored:
 * printed labels carry it (`k=code-…`), so the same key always gets the same kid.
 */
export async function codeSigningKeyOf(privateKey: crypto.KeyObject): Promise<CodeSigningKey> {
  const jwk = await exportJWK(crypto.createPublicKey(privateKey));
  const kid = `code-${crypto.createHash('sha256').update(`${jwk.x}${jwk.y}`).digest('base64url').slice(0, 8)}`;
  return { kid, privateKey, publicJwk: publishedKey(jwk, kid, KeyJobs.traceCode) };
}
