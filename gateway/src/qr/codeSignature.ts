import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { CompactSign, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { digitalLinkPath, parseDigitalLink, type TraceIdentifier } from '../../../model/src';
import { isPublishedFor, KeyJobs } from '../keyJobs';

/**
 * Signed trace codes. The signature is a JWS (ES256) over the identifier's canonical Digital Link
 * path with a fixed protected header `{"alg":"ES256","kid":<kid>}`; only its signature part travels
 * in the code (`?s=<base64url>&k=<kid>`), because a verifier rebuilds header and payload from the
 * code itself. 64 signature bytes keep a signed lot code within QR version 7–8.
 */
export const SIGNATURE_PARAM = 's';
export const KEY_ID_PARAM = 'k';

const encoder = new TextEncoder();
const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const header = (kid: string) => ({ alg: 'ES256', kid });

export async function signIdentifier(id: TraceIdentifier, kid: string, privateKey: CryptoKey | KeyObject): Promise<string> {
  const jws = await new CompactSign(encoder.encode(digitalLinkPath(id))).setProtectedHeader(header(kid)).sign(privateKey);
  return jws.split('.')[2];
}

/** The signed form of a code: the resolver base, the canonical path, signature and key id. */
export async function signedCodeUri(base: string, id: TraceIdentifier, kid: string, privateKey: CryptoKey | KeyObject): Promise<string> {
  const signature = await signIdentifier(id, kid, privateKey);
  return `${base.replace(/\/$/, '')}${digitalLinkPath(id)}?${SIGNATURE_PARAM}=${signature}&${KEY_ID_PARAM}=${encodeURIComponent(kid)}`;
}

export function unsignedCodeUri(base: string, id: TraceIdentifier): string {
  return `${base.replace(/\/$/, '')}${digitalLinkPath(id)}`;
}

export type CodeVerdict =
  | { status: 'authentic'; id: TraceIdentifier; kid: string }
  | { status: 'unsigned'; id: TraceIdentifier }
  | { status: 'not-authentic'; id?: TraceIdentifier; reason: string };

/** The public key of a key id, or undefined when the issuer's key set has no such key. */
export type CodeKeyLookup = (kid: string) => crypto.KeyObject | undefined;

/**
 * Looks trace-code keys up in a JWKS, importing each one once (a key that cannot be imported is no
 * key). Only keys published for trace codes count: the same set holds the API-token key, and a code
 * "signed" with it, or naming its kid, must not pass as genuine.
 */
export function codeKeyLookup(jwks: { keys: JWK[] }): CodeKeyLookup {
  const imported = new Map<string, crypto.KeyObject | undefined>();
  return (kid) => {
    if (!imported.has(kid)) {
      const jwk = jwks.keys.find((key) => key.kid === kid && key.kty === 'EC' && key.crv === 'P-256' && isPublishedFor(key, KeyJobs.traceCode));
      let key: crypto.KeyObject | undefined;
      try {
        key = jwk ? crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' }) : undefined;
      } catch {
        key = undefined;
      }
      imported.set(kid, key);
    }
    return imported.get(kid);
  };
}

/** ES256 verification off the main thread (libuv's pool): a scan's answer does not wait behind another's signature check. */
const verifyEs256 = promisify((data: Buffer, key: crypto.KeyObject, signature: Buffer, done: (error: Error | null, valid: boolean) => void) =>
  crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature, done),
);

/**
 * Checks a scanned code against a JWKS, offline, with the keys in it published for trace codes
 * (`traceledger_use: "trace-code"`). An unsigned code is not an error (small packs carry the short
 * form) but cannot be confirmed; a bad signature or a key that is not a trace-code key is reported with why.
 *
 * @example
 * await verifyTraceCode(scannedText, await (await fetch(`${base}/.well-known/jwks.json`)).json())
 */
export function verifyTraceCode(uri: string, jwks: { keys: JWK[] }): Promise<CodeVerdict> {
  return verifyTraceCodeWith(uri, codeKeyLookup(jwks));
}

/** {@link verifyTraceCode} with keys from `keyFor` (a verifier checking many codes imports each key once). */
export async function verifyTraceCodeWith(uri: string, keyFor: CodeKeyLookup): Promise<CodeVerdict> {
  let id: TraceIdentifier;
  try {
    id = parseDigitalLink(uri);
  } catch (error) {
    return { status: 'not-authentic', reason: error instanceof Error ? error.message : String(error) };
  }
  const query = new URL(uri, 'http://code.invalid').searchParams;
  const signature = query.get(SIGNATURE_PARAM);
  const kid = query.get(KEY_ID_PARAM);
  if (!signature && !kid) {
    return { status: 'unsigned', id };
  }
  if (!signature || !kid) {
    return { status: 'not-authentic', id, reason: 'the code has a signature or key id but not both' };
  }
  const key = keyFor(kid);
  if (!key) {
    return { status: 'not-authentic', id, reason: `no trace-code key ${kid} in the issuer's key set` };
  }
  // The JWS signing input a signer produced: header and payload are rebuilt from the code itself.
  const signingInput = Buffer.from(`${b64url(JSON.stringify(header(kid)))}.${b64url(digitalLinkPath(id))}`);
  const valid = /^[A-Za-z0-9_-]{86}$/.test(signature) && (await verifyEs256(signingInput, key, Buffer.from(signature, 'base64url')).catch(() => false));
  return valid ? { status: 'authentic', id, kid } : { status: 'not-authentic', id, reason: 'the signature does not match this identifier and key' };
}
