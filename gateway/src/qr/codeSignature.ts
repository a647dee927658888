import { CompactSign, compactVerify, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { digitalLinkPath, parseDigitalLink, type TraceIdentifier } from '../../../model/src';

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

/**
 * Checks a scanned code against a JWKS, offline. An unsigned code is not an error (small packs carry
 * the short form) but cannot be confirmed; a bad signature or unknown key is reported with why.
 *
 * @example
 * await verifyTraceCode(scannedText, await (await fetch(`${base}/.well-known/jwks.json`)).json())
 */
export async function verifyTraceCode(uri: string, jwks: { keys: JWK[] }): Promise<CodeVerdict> {
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
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk) {
    return { status: 'not-authentic', id, reason: `no key ${kid} in the issuer's key set` };
  }
  try {
    const key = await importJWK(jwk, 'ES256');
    const jws = `${b64url(JSON.stringify(header(kid)))}.${b64url(digitalLinkPath(id))}.${signature}`;
    await compactVerify(jws, key, { algorithms: ['ES256'] });
    return { status: 'authentic', id, kid };
  } catch {
    return { status: 'not-authentic', id, reason: 'the signature does not match this identifier and key' };
  }
}
